package dev.flow.translate;

import dev.flow.record.FlowRecord;
import dev.flow.validate.ValidatedFlow;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A flow translated into a Flink job graph, ready to execute.
 *
 * @param flow the validated flow it came from
 * @param env the environment holding the job graph
 * @param bounded true when every trigger ends by itself
 * @param outputs each non-publisher stage's output stream, by stage name; a stage whose records go
 *     on into a run of record stages (see {@link FlowTranslator}) is left out, as the run's
 *     operator is what makes its output
 */
public record CompiledFlow(
    ValidatedFlow flow,
    StreamExecutionEnvironment env,
    boolean bounded,
    Map<String, DataStream<FlowRecord>> outputs) {

  /** The Flink job name: the flow's name. */
  public String jobName() {
    return flow.def().name();
  }
}

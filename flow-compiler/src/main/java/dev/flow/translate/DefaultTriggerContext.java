package dev.flow.translate;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.TriggerContext;
import dev.flow.validate.ResolvedStage;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The {@link TriggerContext} the translator hands to a trigger's factory. */
final class DefaultTriggerContext extends DefaultStageContext implements TriggerContext {

  DefaultTriggerContext(
      String flowName,
      ResolvedStage stage,
      StreamExecutionEnvironment env,
      FlowSettings settings,
      boolean bounded,
      List<DataStream<FlowRecord>> errorSink) {
    super(flowName, stage, env, settings, bounded, errorSink);
  }

  @Override
  public DataStream<FlowRecord> fromSource(
      Source<FlowRecord, ?, ?> source, WatermarkStrategy<FlowRecord> watermarks) {
    return env.fromSource(source, watermarks, stage.name(), FlowRecordTypeInfo.INSTANCE)
        .uid(uid())
        .name(stage.name())
        .setParallelism(parallelism());
  }

  /**
   * The trigger's output as every stage after it sees it: run ids and trigger times given, payloads
   * checked (see {@link TriggerOutputFunction}), failures added to the error records.
   */
  DataStream<FlowRecord> checked(DataStream<FlowRecord> source) {
    SingleOutputStreamOperator<FlowRecord> checked =
        source
            .process(
                new TriggerOutputFunction(stage.name(), errorRecords, ERRORS),
                FlowRecordTypeInfo.INSTANCE)
            .uid(uid("records"))
            .name(stage.name() + " (records)")
            .setParallelism(source.getParallelism());
    addCountedErrors(checked.getSideOutput(ERRORS), false);
    return checked;
  }

  /**
   * Error records the trigger's own operators made (a row that could not become a record) never
   * reach the output check, which counts records in: they count as records in and errors.
   */
  @Override
  public void addErrors(DataStream<FlowRecord> errorRecordStream) {
    addCountedErrors(errorRecordStream, true);
  }
}

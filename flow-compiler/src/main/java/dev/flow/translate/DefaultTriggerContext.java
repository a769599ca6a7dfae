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
   * The parallelism of the run of record stages the trigger's records go into, when the translator
   * lets that run's operator check them ({@link RunLink#startsRun}); else 0.
   */
  int runParallelism;

  /**
   * The trigger's output as every stage after it sees it: run ids and trigger times given, payloads
   * checked (see {@link TriggerCheck}), failures added to the error records. When {@link
   * #runParallelism} allows, that is left to the run of record stages that reads {@code source}
   * (the stage context's {@link #run} then holds the check), and {@code source} is returned as it
   * is; otherwise a {@link TriggerOutputFunction} does it.
   */
  DataStream<FlowRecord> checked(DataStream<FlowRecord> source) {
    if (runParallelism > 0 && source.getParallelism() == runParallelism) {
      // The run's operator checks the records, chained to the source, and sends the failures on
      // the run's one error output, counted by the check.
      run = new Run();
      run.trigger = new TriggerCheck(stage.name(), errorRecords, true);
      return source;
    }
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

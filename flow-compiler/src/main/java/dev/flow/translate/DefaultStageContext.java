package dev.flow.translate;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.StageContext;
import dev.flow.validate.ResolvedStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

/** The {@link StageContext} the translator hands to a transform's or publisher's factory. */
class DefaultStageContext implements StageContext {

  /** The side output every stage sends failed records to. */
  static final OutputTag<FlowRecord> ERRORS =
      new OutputTag<>("errors", FlowRecordTypeInfo.INSTANCE);

  final String flowName;
  final ResolvedStage stage;
  final StreamExecutionEnvironment env;
  final FlowSettings settings;
  final boolean bounded;
  final ErrorRecordFactory errorRecords;
  private final List<DataStream<FlowRecord>> errorSink;
  private final String uidBase;

  /** Streams that go to one named target instead of the main output, by target stage. */
  final Map<String, DataStream<FlowRecord>> branches = new LinkedHashMap<>();

  DefaultStageContext(
      String flowName,
      ResolvedStage stage,
      StreamExecutionEnvironment env,
      FlowSettings settings,
      boolean bounded,
      List<DataStream<FlowRecord>> errorSink) {
    this(flowName, stage, env, settings, bounded, errorSink, StageUids.of(stage.name()));
  }

  /** A context whose operators' uids start with {@code uidBase} rather than the stage's name. */
  DefaultStageContext(
      String flowName,
      ResolvedStage stage,
      StreamExecutionEnvironment env,
      FlowSettings settings,
      boolean bounded,
      List<DataStream<FlowRecord>> errorSink,
      String uidBase) {
    this.uidBase = uidBase;
    this.flowName = flowName;
    this.stage = stage;
    this.env = env;
    this.settings = settings;
    this.bounded = bounded;
    this.errorSink = errorSink;
    this.errorRecords =
        new ErrorRecordFactory(
            flowName, stage.name(), stage.factory().name(), settings.errors().policy());
  }

  @Override
  public String flowName() {
    return flowName;
  }

  @Override
  public String stageName() {
    return stage.name();
  }

  @Override
  public String actionName() {
    return stage.factory().name();
  }

  @Override
  public String uid() {
    return uidBase;
  }

  @Override
  public String uid(String suffix) {
    return uidBase + "/" + suffix;
  }

  @Override
  public int parallelism() {
    return stage.parallelism() > 0 ? stage.parallelism() : settings.parallelism();
  }

  @Override
  public StreamExecutionEnvironment env() {
    return env;
  }

  @Override
  public FlowSettings settings() {
    return settings;
  }

  @Override
  public boolean isBounded() {
    return bounded;
  }

  @Override
  public OutputTag<FlowRecord> errorTag() {
    return ERRORS;
  }

  @Override
  public void addErrors(DataStream<FlowRecord> errorRecordStream) {
    errorSink.add(errorRecordStream);
  }

  @Override
  public void addBranch(String targetStage, DataStream<FlowRecord> records) {
    boolean listed = stage.def().out().stream().anyMatch(r -> r.name().equals(targetStage));
    if (!listed) {
      throw new IllegalArgumentException(
          "stage '"
              + stage.name()
              + "' sends records to '"
              + targetStage
              + "', which is not in its out list");
    }
    branches.put(targetStage, records);
  }

  @Override
  public ErrorRecordFactory errorRecords() {
    return errorRecords;
  }

  @Override
  public DataStream<FlowRecord> process(DataStream<FlowRecord> input, RecordProcessor processor) {
    SingleOutputStreamOperator<FlowRecord> out =
        input
            .process(
                new StageFunction(
                    flowName,
                    stage.name(),
                    dev.flow.retry.RetryingProcessor.wrap(processor, stage.retry()),
                    errorRecords,
                    ERRORS),
                FlowRecordTypeInfo.INSTANCE)
            .uid(uid())
            .name(stage.name())
            .setParallelism(parallelism());
    addErrors(out.getSideOutput(ERRORS));
    return out;
  }
}

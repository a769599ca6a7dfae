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
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.OutputTag;

/**
 * The {@link StageContext} the translator hands to a transform's or publisher's factory. With the
 * stage translators it is the one place that counts a stage's records: error records where they are
 * added, records out where a publisher writes them or a branch leaves the stage, and records
 * filtered by the stage's processor.
 */
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

  /**
   * True while the stage's one-record-at-a-time processor, built by {@link #process}, is to count
   * the stage's records in and out: set by {@link Translators#translateTransform} for a record
   * transform, taken by the first {@code process} call.
   */
  boolean processorCountsInAndOut;

  private int countedErrorStreams;

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
    addCountedErrors(errorRecordStream, false);
  }

  /**
   * Adds error records of this stage, counted as its errors; {@code countsIn} when they failed
   * before the stage counted them in.
   */
  void addCountedErrors(DataStream<FlowRecord> errorRecordStream, boolean countsIn) {
    int n = countedErrorStreams++;
    errorSink.add(
        errorRecordStream
            .map(new ErrorCountingFunction(stage.name(), countsIn), FlowRecordTypeInfo.INSTANCE)
            .uid(uid("count/errors/" + n))
            .name(stage.name() + " (count errors)")
            .setParallelism(errorRecordStream.getParallelism()));
  }

  /** Counts records that leave the stage as its records out. */
  DataStream<FlowRecord> countOut(DataStream<FlowRecord> records, String suffix) {
    return records
        .process(CountingFunction.out(stage.name()), FlowRecordTypeInfo.INSTANCE)
        .uid(uid(suffix))
        .name(stage.name() + " (" + suffix + ")")
        .setParallelism(records.getParallelism());
  }

  /** Counts records that enter the stage as its records in. */
  DataStream<FlowRecord> countIn(DataStream<FlowRecord> records, int parallelism) {
    return records
        .process(CountingFunction.in(stage.name()), FlowRecordTypeInfo.INSTANCE)
        .uid(uid("in"))
        .name(stage.name() + " (in)")
        .setParallelism(parallelism);
  }

  @Override
  public DataStreamSink<FlowRecord> write(DataStream<FlowRecord> records, Sink<FlowRecord> sink) {
    return countOut(records, "written").sinkTo(sink);
  }

  @Override
  public <K> SingleOutputStreamOperator<FlowRecord> processKeyed(
      KeyedStream<FlowRecord, K> input, KeyedProcessFunction<K, FlowRecord, FlowRecord> function) {
    return input
        .process(new KeyedStageFunction<>(stage.name(), function), FlowRecordTypeInfo.INSTANCE)
        .uid(uid())
        .name(stage.name())
        .setParallelism(parallelism());
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
    branches.put(targetStage, countOut(records, "count/to/" + targetStage));
  }

  @Override
  public ErrorRecordFactory errorRecords() {
    return errorRecords;
  }

  /**
   * {@code processor} with the stage's common retry, for a transform whose action does not retry by
   * its own props: one place retries, so the tries never multiply.
   */
  private RecordProcessor retrying(RecordProcessor processor) {
    boolean applies =
        stage.kind() == dev.flow.spi.StageKind.TRANSFORM && stage.factory().retryProps().isEmpty();
    return applies ? dev.flow.retry.RetryingProcessor.wrap(processor, stage.retry()) : processor;
  }

  @Override
  public DataStream<FlowRecord> process(DataStream<FlowRecord> input, RecordProcessor processor) {
    return process(input, processor, RunLink.NONE);
  }

  /**
   * The stage's record operator. A stage in a run of chained record stages (see {@link
   * FlowTranslator}) is built by this call alone: it joins the {@link #run} the translator gave it,
   * and the run's last stage builds one operator for the whole run on the stream the run reads. A
   * stage before the last returns that stream unchanged, for the next stage of the run alone.
   */
  DataStream<FlowRecord> process(
      DataStream<FlowRecord> input, RecordProcessor processor, RunLink link) {
    boolean countsInAndOut = processorCountsInAndOut;
    processorCountsInAndOut = false;
    // Cleaned as Flink cleans a function: a processor written as an anonymous class then drops
    // the reference to its factory that it does not use, which need not be serializable. The
    // steps of a run sit in an array, where Flink's cleaning of the operator's function stops.
    StageFunction.Step step =
        new StageFunction.Step(
            stage.name(), retrying(env.clean(processor)), errorRecords, countsInAndOut);
    Run steps = link.any() ? run : new Run();
    if (steps.input == null) {
      steps.input = input;
    }
    steps.steps.add(step);
    if (link.out()) {
      return steps.input;
    }
    StageFunction function = new StageFunction(flowName, steps.steps, ERRORS, steps.trigger);
    SingleOutputStreamOperator<FlowRecord> out =
        steps
            .input
            .process(function, FlowRecordTypeInfo.INSTANCE)
            .uid(uid())
            .name(steps.name())
            .setParallelism(parallelism());
    if (link.any()) {
      // The run's error records, each counted by its own stage.
      errorSink.add(out.getSideOutput(ERRORS));
    } else {
      addCountedErrors(out.getSideOutput(ERRORS), false);
    }
    built = function;
    builtOutput = out;
    return out;
  }

  /** The last record operator {@link #process} built for this stage, and its output, or null. */
  StageFunction built;

  DataStream<FlowRecord> builtOutput;

  /**
   * The stages of one operator and the stream it reads: a stage alone, or a run of chained record
   * stages gathered so far, which the translator hands to each of its stages' contexts.
   */
  static final class Run {
    DataStream<FlowRecord> input;

    /** The check of the trigger the run follows, when the run's operator does that check. */
    TriggerCheck trigger;

    final java.util.List<StageFunction.Step> steps = new java.util.ArrayList<>();

    /** The operator's name: its stages joined as Flink names chained operators, up to four. */
    String name() {
      java.util.List<String> names = steps.stream().map(StageFunction.Step::stageName).toList();
      if (names.size() <= 4) {
        return String.join(" -> ", names);
      }
      return names.get(0)
          + " -> ... -> "
          + names.get(names.size() - 1)
          + " ("
          + names.size()
          + " stages)";
    }
  }

  /** The run this stage joins, set by the translator when the stage is in one. */
  Run run;
}

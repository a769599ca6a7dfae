package dev.flow.connectors.testing;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.record.InvalidRecordException;
import dev.flow.spi.ErrorPolicy;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.ProcessorContext;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.TriggerContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * A small stage context for testing factories without the flow translator: it adds sources and
 * processors as the framework does (JSON check of trigger output, error side output) and collects
 * the error streams of every stage built with it.
 */
public final class TestStageContext implements TriggerContext {

  private final StreamExecutionEnvironment env;
  private final String flow;
  private final String stage;
  private final String action;
  private final FlowSettings settings;
  private final boolean bounded;
  private final int parallelism;
  private final OutputTag<FlowRecord> errorTag;
  private final List<DataStream<FlowRecord>> errors;

  public TestStageContext(
      StreamExecutionEnvironment env,
      String flow,
      String stage,
      String action,
      FlowSettings settings,
      boolean bounded,
      int parallelism) {
    this(env, flow, stage, action, settings, bounded, parallelism, new ArrayList<>());
  }

  private TestStageContext(
      StreamExecutionEnvironment env,
      String flow,
      String stage,
      String action,
      FlowSettings settings,
      boolean bounded,
      int parallelism,
      List<DataStream<FlowRecord>> errors) {
    this.env = env;
    this.flow = flow;
    this.stage = stage;
    this.action = action;
    this.settings = settings;
    this.bounded = bounded;
    this.parallelism = parallelism;
    this.errorTag = new OutputTag<>("errors", FlowRecordTypeInfo.INSTANCE);
    this.errors = errors;
  }

  /** A context for another stage of the same job, sharing the collected error streams. */
  public TestStageContext stage(String name, String actionName) {
    return new TestStageContext(
        env, flow, name, actionName, settings, bounded, parallelism, errors);
  }

  /** Every error stream added so far, as one stream; null when there is none. */
  public DataStream<FlowRecord> errors() {
    if (errors.isEmpty()) {
      return null;
    }
    DataStream<FlowRecord> all = errors.get(0);
    for (int i = 1; i < errors.size(); i++) {
      all = all.union(errors.get(i));
    }
    return all;
  }

  @Override
  public String flowName() {
    return flow;
  }

  @Override
  public String stageName() {
    return stage;
  }

  @Override
  public String actionName() {
    return action;
  }

  @Override
  public String uid() {
    return "stage-" + stage;
  }

  @Override
  public String uid(String suffix) {
    return uid() + "-" + suffix;
  }

  @Override
  public int parallelism() {
    return parallelism;
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
    return errorTag;
  }

  @Override
  public void addErrors(DataStream<FlowRecord> errorRecords) {
    errors.add(errorRecords);
  }

  @Override
  public ErrorRecordFactory errorRecords() {
    return new ErrorRecordFactory(flow, stage, action, ErrorPolicy.ORIGINAL_RECORD);
  }

  @Override
  public DataStream<FlowRecord> fromSource(
      Source<FlowRecord, ?, ?> source, WatermarkStrategy<FlowRecord> watermarks) {
    SingleOutputStreamOperator<FlowRecord> out =
        env.fromSource(source, watermarks, stage, FlowRecordTypeInfo.INSTANCE)
            .uid(uid())
            .setParallelism(parallelism)
            .process(new CheckJson(errorRecords(), errorTag), FlowRecordTypeInfo.INSTANCE)
            .name(stage + " check")
            .uid(uid("check"))
            .setParallelism(parallelism);
    errors.add(out.getSideOutput(errorTag));
    return out;
  }

  @Override
  public DataStream<FlowRecord> process(DataStream<FlowRecord> input, RecordProcessor processor) {
    SingleOutputStreamOperator<FlowRecord> out =
        input
            .process(
                new Processing(processor, errorRecords(), errorTag, flow, stage),
                FlowRecordTypeInfo.INSTANCE)
            .name(stage)
            .uid(uid())
            .setParallelism(parallelism);
    errors.add(out.getSideOutput(errorTag));
    return out;
  }

  /** Sends trigger output that is not a JSON object to the error stage with its raw bytes. */
  static final class CheckJson extends ProcessFunction<FlowRecord, FlowRecord> {
    private static final long serialVersionUID = 1L;
    private final ErrorRecordFactory errors;
    private final OutputTag<FlowRecord> tag;

    CheckJson(ErrorRecordFactory errors, OutputTag<FlowRecord> tag) {
      this.errors = errors;
      this.tag = tag;
    }

    @Override
    public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
      try {
        if (r.isUnparsed()) {
          r.validate();
        }
        out.collect(r);
      } catch (InvalidRecordException e) {
        byte[] raw = r.original() != null ? r.original() : r.toJsonBytes();
        ctx.output(tag, errors.createRaw(raw, r.runId(), r.triggerTime(), e.getMessage()));
      }
    }
  }

  /** Runs a record processor; a record it throws on goes to the error side output. */
  static final class Processing extends ProcessFunction<FlowRecord, FlowRecord> {
    private static final long serialVersionUID = 1L;
    private final RecordProcessor processor;
    private final ErrorRecordFactory errors;
    private final OutputTag<FlowRecord> tag;
    private final String flow;
    private final String stage;

    Processing(
        RecordProcessor processor,
        ErrorRecordFactory errors,
        OutputTag<FlowRecord> tag,
        String flow,
        String stage) {
      this.processor = processor;
      this.errors = errors;
      this.tag = tag;
      this.flow = flow;
      this.stage = stage;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
      MetricGroup metrics = getRuntimeContext().getMetricGroup();
      int index = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
      int count = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
      processor.open(
          new ProcessorContext() {
            @Override
            public String flowName() {
              return flow;
            }

            @Override
            public String stageName() {
              return stage;
            }

            @Override
            public MetricGroup metrics() {
              return metrics;
            }

            @Override
            public int subtaskIndex() {
              return index;
            }

            @Override
            public int parallelism() {
              return count;
            }
          });
    }

    @Override
    public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
      FlowRecord before = r.copy();
      try {
        processor.process(r, out);
      } catch (Exception e) {
        ctx.output(tag, errors.create(before, e));
      }
    }

    @Override
    public void close() throws Exception {
      processor.close();
    }
  }
}

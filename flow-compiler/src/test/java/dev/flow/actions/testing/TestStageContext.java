package dev.flow.actions.testing;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.record.InvalidRecordException;
import dev.flow.spi.ErrorPolicy;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.ProcessorContext;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RunIds;
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
 * A minimal stage context for integration tests that call action factories directly: stable uids, a
 * trigger source with run ids, record processors with error routing, and the error records
 * collected into one stream.
 */
public final class TestStageContext implements TriggerContext {
  private static final OutputTag<FlowRecord> ERRORS =
      new OutputTag<>("errors", FlowRecordTypeInfo.INSTANCE);

  private final StreamExecutionEnvironment env;
  private final String stage;
  private final String action;
  private final int parallelism;
  private final boolean bounded;
  private final List<DataStream<FlowRecord>> errors = new ArrayList<>();

  public TestStageContext(
      StreamExecutionEnvironment env,
      String stage,
      String action,
      int parallelism,
      boolean bounded) {
    this.env = env;
    this.stage = stage;
    this.action = action;
    this.parallelism = parallelism;
    this.bounded = bounded;
  }

  /** A bounded stage at parallelism 1. */
  public TestStageContext(StreamExecutionEnvironment env, String stage, String action) {
    this(env, stage, action, 1, true);
  }

  @Override
  public String flowName() {
    return "test-flow";
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
    return FlowSettings.defaults();
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
  public void addErrors(DataStream<FlowRecord> errorRecords) {
    errors.add(errorRecords);
  }

  @Override
  public ErrorRecordFactory errorRecords() {
    return new ErrorRecordFactory("test-flow", stage, action, ErrorPolicy.STAGE_RECORD);
  }

  /** The error records of this stage so far, or null when it has none. */
  public DataStream<FlowRecord> errors() {
    DataStream<FlowRecord> all = null;
    for (DataStream<FlowRecord> s : errors) {
      all = all == null ? s : all.union(s);
    }
    return all;
  }

  @Override
  public DataStream<FlowRecord> process(DataStream<FlowRecord> input, RecordProcessor processor) {
    SingleOutputStreamOperator<FlowRecord> out =
        input
            .process(new Apply(processor, errorRecords(), stage))
            .returns(FlowRecordTypeInfo.INSTANCE)
            .name(stage)
            .uid(uid())
            .setParallelism(parallelism);
    errors.add(out.getSideOutput(ERRORS));
    return out;
  }

  /**
   * Adds the source like the flow translator does: records without a run id get one, and records
   * whose payload is not a JSON object go to the error records with their raw bytes.
   */
  @Override
  public DataStream<FlowRecord> fromSource(
      Source<FlowRecord, ?, ?> source, WatermarkStrategy<FlowRecord> watermarks) {
    SingleOutputStreamOperator<FlowRecord> out =
        env.fromSource(source, watermarks, stage, FlowRecordTypeInfo.INSTANCE)
            .uid(uid())
            .setParallelism(parallelism)
            .process(new StartRuns(errorRecords()))
            .returns(FlowRecordTypeInfo.INSTANCE)
            .name(stage + " runs")
            .uid(uid("runs"))
            .setParallelism(parallelism);
    errors.add(out.getSideOutput(ERRORS));
    return out;
  }

  /** Gives records without a run id a new one and checks that each payload is an object. */
  static final class StartRuns extends ProcessFunction<FlowRecord, FlowRecord> {
    private final RunIds ids = new RunIds();
    private final ErrorRecordFactory errorRecords;

    StartRuns(ErrorRecordFactory errorRecords) {
      this.errorRecords = errorRecords;
    }

    @Override
    public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
      if (r.runId() == null) {
        r.runId(ids.next());
      }
      if (r.triggerTime() == 0) {
        r.triggerTime(System.currentTimeMillis());
      }
      try {
        r.validate();
      } catch (InvalidRecordException e) {
        ctx.output(
            ERRORS,
            errorRecords.createRaw(r.toJsonBytes(), r.runId(), r.triggerTime(), e.getMessage()));
        return;
      }
      out.collect(r);
    }
  }

  /** Runs a record processor, sending failed records to the error side output. */
  static final class Apply extends ProcessFunction<FlowRecord, FlowRecord> {
    private final RecordProcessor processor;
    private final ErrorRecordFactory errorRecords;
    private final String stage;

    Apply(RecordProcessor processor, ErrorRecordFactory errorRecords, String stage) {
      this.processor = processor;
      this.errorRecords = errorRecords;
      this.stage = stage;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
      int index = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
      int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
      MetricGroup metrics = getRuntimeContext().getMetricGroup();
      processor.open(
          new ProcessorContext() {
            @Override
            public String flowName() {
              return "test-flow";
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
              return parallelism;
            }
          });
    }

    @Override
    public void processElement(FlowRecord record, Context ctx, Collector<FlowRecord> out) {
      try {
        processor.process(record, out);
      } catch (Exception e) {
        ctx.output(ERRORS, errorRecords.create(record, e));
      }
    }

    @Override
    public void close() throws Exception {
      processor.close();
    }
  }
}

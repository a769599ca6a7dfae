package dev.flow.translate;

import dev.flow.log.StageScope;
import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorMarks;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.FatalStageException;
import dev.flow.spi.ProcessorContext;
import dev.flow.spi.RecordProcessor;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RecordProcessor} as one Flink operator and sends a record whose processing throws
 * to the error stage, never dropping it. It counts a record the processor emits nothing for as
 * filtered; when it is the stage's main operator (a one-record-at-a-time transform) it also counts
 * the stage's records in and out. The error records are counted where the stage context adds them.
 *
 * <p>In a run of record stages that chain one after the other (see {@link FlowTranslator}), the
 * failed records travel with the records instead, so that the run gives the error stage one input
 * rather than one per stage: a stage that carries errors out emits its error records marked ({@link
 * ErrorMarks}) on its main output and counts them itself; a stage that carries errors in passes the
 * marked records it receives on untouched, and the last stage of the run sends them, unmarked, to
 * its error output with its own.
 */
final class StageFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StageFunction.class);
  private static final int LATENCY_SAMPLE_MASK = 127;

  private final String flowName;
  private final String stageName;
  private final RecordProcessor processor;
  private final ErrorRecordFactory errors;
  private final OutputTag<FlowRecord> errorTag;
  private final boolean countsInAndOut;
  private final boolean carryIn;
  private final boolean carryOut;

  private transient StageMetrics metrics;
  private transient CountingCollector counting;
  private transient long seen;
  private transient StageScope scope;

  StageFunction(
      String flowName,
      String stageName,
      RecordProcessor processor,
      ErrorRecordFactory errors,
      OutputTag<FlowRecord> errorTag,
      boolean countsInAndOut) {
    this(flowName, stageName, processor, errors, errorTag, countsInAndOut, false, false);
  }

  /**
   * @param carryIn the input holds marked error records of the stages before, to pass on
   * @param carryOut error records go on the main output, marked, to the next stage of the run
   */
  StageFunction(
      String flowName,
      String stageName,
      RecordProcessor processor,
      ErrorRecordFactory errors,
      OutputTag<FlowRecord> errorTag,
      boolean countsInAndOut,
      boolean carryIn,
      boolean carryOut) {
    this.carryIn = carryIn;
    this.carryOut = carryOut;
    this.countsInAndOut = countsInAndOut;
    this.flowName = flowName;
    this.stageName = stageName;
    this.processor = processor;
    this.errors = errors;
    this.errorTag = errorTag;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup(), stageName);
    counting = new CountingCollector();
    var task = getRuntimeContext().getTaskInfo();
    scope = StageScope.current();
    String outer = scope.enter(flowName, stageName);
    try {
      openProcessor(task);
    } finally {
      scope.leave(outer);
    }
  }

  private void openProcessor(org.apache.flink.api.common.TaskInfo task) throws Exception {
    processor.open(
        new ProcessorContext() {
          @Override
          public String flowName() {
            return flowName;
          }

          @Override
          public String stageName() {
            return stageName;
          }

          @Override
          public MetricGroup metrics() {
            return metrics.group;
          }

          @Override
          public int subtaskIndex() {
            return task.getIndexOfThisSubtask();
          }

          @Override
          public int parallelism() {
            return task.getNumberOfParallelSubtasks();
          }
        });
  }

  @Override
  public void processElement(FlowRecord record, Context ctx, Collector<FlowRecord> out) {
    if (carryIn && ErrorMarks.isMarked(record)) {
      if (carryOut) {
        out.collect(record);
      } else {
        ErrorMarks.unmark(record);
        ctx.output(errorTag, record);
      }
      return;
    }
    if (countsInAndOut) {
      metrics.in.inc();
    }
    boolean sample = (++seen & LATENCY_SAMPLE_MASK) == 0;
    long start = sample ? System.nanoTime() : 0L;
    counting.target = out;
    counting.emitted = 0;
    String outer = scope.enter(flowName, stageName);
    try {
      processor.process(record, counting);
      if (counting.emitted == 0) {
        metrics.filtered.inc();
      }
    } catch (FatalStageException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("flow '{}' stage '{}': record failed", flowName, stageName, e);
      }
      FlowRecord error = errors.create(record, e);
      scope.leave(outer); // the error stage runs as itself
      if (carryIn || carryOut) {
        metrics.errors.inc();
      }
      if (carryOut) {
        out.collect(ErrorMarks.mark(error));
      } else {
        ctx.output(errorTag, error);
      }
    } finally {
      scope.leave(outer);
    }
    if (sample) {
      metrics.latencyMicros.update((System.nanoTime() - start) / 1000);
    }
  }

  @Override
  public void close() throws Exception {
    processor.close();
  }

  /** Counts what the processor emits, for the out and filtered counters. */
  private final class CountingCollector implements Collector<FlowRecord> {
    Collector<FlowRecord> target;
    int emitted;

    @Override
    public void collect(FlowRecord r) {
      emitted++;
      if (countsInAndOut) {
        metrics.out.inc();
      }
      String here = scope.stage();
      scope.leave(null); // the stages downstream, chained on this thread, run as themselves
      try {
        target.collect(r);
      } finally {
        scope.enter(flowName, here);
      }
    }

    @Override
    public void close() {}
  }
}

package dev.flow.translate;

import dev.flow.log.StageScope;
import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.FatalStageException;
import dev.flow.spi.ProcessorContext;
import dev.flow.spi.RecordProcessor;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RecordProcessor}s of one stage, or of a run of record stages that chain one after
 * the other (see {@link FlowTranslator}), as one Flink operator: each record goes through the first
 * stage's processor, what it emits through the next one's, and what the last emits leaves the
 * operator. A record whose processing throws goes to the error stage, never dropped.
 *
 * <p>Each stage keeps its own name: its log scope, its metrics (records in, out and filtered, its
 * errors when it is one of a run, the sampled latency) and its error records. A record a processor
 * emits nothing for is counted as filtered by that stage. A run's error records all leave on the
 * one error output; a single stage's error records are counted where the stage context adds them.
 *
 * <p>One operator for a run, rather than one per stage, spares Flink's hand-over between chained
 * operators and the collectors around each, about a seventh of a remap-then-filter flow's time per
 * record.
 */
final class StageFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StageFunction.class);
  private static final int LATENCY_SAMPLE_MASK = 127;

  /** One stage of the operator: its name, processor and error records. */
  record Step(
      String stageName,
      RecordProcessor processor,
      ErrorRecordFactory errors,
      boolean countsInAndOut)
      implements Serializable {}

  private final String flowName;
  private final Step[] steps;
  private final OutputTag<FlowRecord> errorTag;

  /** The check of the trigger this run follows in the same operator, or null. */
  private final TriggerCheck trigger;

  /**
   * The publisher whose records in this operator counts as it emits them, as the publisher would in
   * an operator of its own (see {@link Translators#translatePublisher}), or null.
   */
  private String countsInFor;

  private transient org.apache.flink.metrics.Counter publisherIn;

  /** Per step, while running. */
  private transient Running[] running;

  private transient StageScope scope;
  private transient Context context;
  private transient Collector<FlowRecord> output;

  /**
   * @param steps the stages in the order records go through them; with more than one, each counts
   *     its own errors
   * @param trigger the check of the trigger whose records the run reads straight from its source,
   *     or null; with it, each stage counts its own errors and the trigger's check its own
   */
  StageFunction(
      String flowName, List<Step> steps, OutputTag<FlowRecord> errorTag, TriggerCheck trigger) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a stage operator needs a stage");
    }
    this.flowName = flowName;
    this.steps = steps.toArray(new Step[0]);
    this.errorTag = errorTag;
    this.trigger = trigger;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    scope = StageScope.current();
    var task = getRuntimeContext().getTaskInfo();
    if (trigger != null) {
      trigger.open(getRuntimeContext().getMetricGroup());
    }
    if (countsInFor != null) {
      publisherIn = new StageMetrics(getRuntimeContext().getMetricGroup(), countsInFor).in;
    }
    running = new Running[steps.length];
    for (int s = 0; s < steps.length; s++) {
      Step step = steps[s];
      StageMetrics metrics = new StageMetrics(getRuntimeContext().getMetricGroup(), step.stageName);
      running[s] = new Running(s, metrics);
      String outer = scope.enter(flowName, step.stageName);
      try {
        step.processor.open(context(step.stageName, metrics.group, task));
      } finally {
        scope.leave(outer);
      }
    }
  }

  private ProcessorContext context(
      String stageName, MetricGroup group, org.apache.flink.api.common.TaskInfo task) {
    return new ProcessorContext() {
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
        return group;
      }

      @Override
      public int subtaskIndex() {
        return task.getIndexOfThisSubtask();
      }

      @Override
      public int parallelism() {
        return task.getNumberOfParallelSubtasks();
      }
    };
  }

  @Override
  public void processElement(FlowRecord record, Context ctx, Collector<FlowRecord> out)
      throws Exception {
    context = ctx;
    output = out;
    if (trigger != null) {
      record = trigger.check(record, ctx, errorTag);
      if (record == null) {
        return;
      }
    }
    try {
      running[0].process(record);
    } catch (Downstream d) {
      Throwable cause = d.getCause();
      if (cause instanceof Exception e) {
        throw e;
      }
      throw (Error) cause;
    }
  }

  /**
   * A failure of an operator chained after this one (a sink that is down, a spent error budget), on
   * its way out through the stages whose processors emitted the record: a stage turns the failures
   * of its own processor into error records, never those of what comes after it.
   */
  private static final class Downstream extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Downstream(Throwable cause) {
      super(null, cause, false, false);
    }
  }

  /**
   * Counts what this operator emits as the records in of {@code publisher}, the only stage that
   * reads them, in the same task; called while the job graph is built, before the operator is
   * serialized.
   */
  void countInFor(String publisher) {
    this.countsInFor = publisher;
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (Step step : steps) {
      try {
        step.processor.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * One step at run time: it processes records and collects what its processor emits, counting it
   * and handing it to the next step, or out of the operator after the last.
   */
  private final class Running implements Collector<FlowRecord> {
    private final Step step;
    private final StageMetrics metrics;
    private final boolean countsInAndOut;
    private final boolean countsErrors;
    private final int next;
    private long seen;
    private int emitted;

    Running(int index, StageMetrics metrics) {
      this.step = steps[index];
      this.metrics = metrics;
      this.countsInAndOut = step.countsInAndOut;
      this.countsErrors = steps.length > 1 || trigger != null;
      this.next = index + 1 < steps.length ? index + 1 : -1;
    }

    void process(FlowRecord record) {
      if (countsInAndOut) {
        metrics.in.inc();
      }
      boolean sample = (++seen & LATENCY_SAMPLE_MASK) == 0;
      long start = sample ? System.nanoTime() : 0L;
      int before = emitted;
      String outer = scope.enter(flowName, step.stageName);
      try {
        step.processor.process(record, this);
        if (emitted == before) {
          metrics.filtered.inc();
        }
      } catch (FatalStageException | Downstream e) {
        throw e;
      } catch (Exception | LinkageError e) {
        if (LOG.isDebugEnabled()) {
          LOG.debug("flow '{}' stage '{}': record failed", flowName, step.stageName, e);
        }
        FlowRecord error = step.errors.create(record, e);
        scope.leave(outer); // the error stage runs as itself
        if (countsErrors) {
          metrics.errors.inc();
        }
        context.output(errorTag, error);
      } finally {
        scope.leave(outer);
      }
      if (sample) {
        metrics.latencyMicros.update((System.nanoTime() - start) / 1000);
      }
    }

    @Override
    public void collect(FlowRecord r) {
      emitted++;
      if (countsInAndOut) {
        metrics.out.inc();
      }
      String here = scope.stage();
      scope.leave(null); // the stages downstream run as themselves
      try {
        if (next >= 0) {
          running[next].process(r);
        } else {
          if (publisherIn != null) {
            publisherIn.inc();
          }
          output.collect(r);
        }
      } catch (Downstream d) {
        throw d;
      } catch (Throwable t) {
        // From the operators after the run, or the error stage a later stage sent a record to.
        throw new Downstream(t);
      } finally {
        scope.enter(flowName, here);
      }
    }

    @Override
    public void close() {}
  }
}

package dev.flow.translate.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Follows each run, keyed by run id, and emits its outcome once none of its records has reached a
 * publisher or failed for the idle time, or when a bounded flow's input ends: success or error, the
 * trigger, start, end, duration, records published, errors, and the first stage that failed.
 */
final class RunTracker extends KeyedProcessFunction<String, RunEvent, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final String flow;
  private final long idleMillis;

  private transient ValueState<RunState> state;
  private transient Counter succeeded;
  private transient Counter failed;
  private transient Histogram durations;

  RunTracker(String flow, Duration idle) {
    this.flow = flow;
    this.idleMillis = idle.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("run", TypeInformation.of(RunState.class)));
    MetricGroup g = getRuntimeContext().getMetricGroup().addGroup("runs");
    succeeded = g.counter("succeeded");
    failed = g.counter("failed");
    durations = g.histogram("durationMillis", new DescriptiveStatisticsHistogram(1024));
  }

  @Override
  public void processElement(RunEvent e, Context ctx, Collector<FlowRecord> out) throws Exception {
    RunState s = state.value();
    long now = ctx.timerService().currentProcessingTime();
    if (s == null) {
      s = new RunState();
      s.timer = now + idleMillis;
      ctx.timerService().registerProcessingTimeTimer(s.timer);
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
    }
    s.add(e);
    s.seen = now;
    state.update(s);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FlowRecord> out)
      throws Exception {
    RunState s = state.value();
    if (s == null) {
      return;
    }
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      long quietUntil = s.seen + idleMillis;
      if (quietUntil > timestamp) {
        // Records moved since the timer was set: wait until the run has been quiet long enough.
        s.timer = quietUntil;
        ctx.timerService().registerProcessingTimeTimer(quietUntil);
        state.update(s);
        return;
      }
      ctx.timerService().deleteEventTimeTimer(END_OF_INPUT);
    } else {
      ctx.timerService().deleteProcessingTimeTimer(s.timer);
    }
    state.clear();
    out.collect(outcome(ctx.getCurrentKey(), s));
  }

  private FlowRecord outcome(String runId, RunState s) {
    boolean ok = s.errors == 0;
    (ok ? succeeded : failed).inc();
    long duration = Math.max(0, s.last - s.start);
    durations.update(duration);
    ObjectNode o = Json.NODES.objectNode();
    o.put("flow", flow);
    o.put("runId", runId);
    o.put("status", ok ? "success" : "error");
    if (s.trigger != null) {
      o.put("trigger", s.trigger);
    }
    o.put("start", Instant.ofEpochMilli(s.start).toString());
    o.put("end", Instant.ofEpochMilli(s.last).toString());
    o.put("durationMs", duration);
    o.put("published", s.outputs);
    o.put("errors", s.errors);
    if (!ok) {
      o.put("failedStage", s.failedStage);
      o.put("error", s.error);
    }
    FlowRecord r = FlowRecord.of(o);
    r.runId(runId).triggerTime(s.start);
    return r;
  }
}

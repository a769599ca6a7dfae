package dev.flow.translate.runs;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/**
 * Records the outcome of every run: taps the triggers' output, the publishers' input and the error
 * records, groups what it sees by run id, and yields one outcome record per run (plus one for the
 * job when the flow is bounded). Used only when the flow sets {@code settings.runs}.
 */
public final class RunRecorder {
  private static final TypeInformation<RunEvent> EVENTS = TypeInformation.of(RunEvent.class);

  private final String flow;
  private final Duration idle;
  private final List<DataStream<RunEvent>> events = new ArrayList<>();

  public RunRecorder(String flow, Duration idle) {
    this.flow = flow;
    this.idle = idle;
  }

  /** Records come out of trigger {@code stage}: each starts a run. */
  public void started(String stage, DataStream<FlowRecord> records) {
    tap(records, new Tap(RunEvent.START, stage), "started/" + stage);
  }

  /** Records reach publisher {@code stage}. */
  public void published(String stage, DataStream<FlowRecord> records) {
    tap(records, new Tap(RunEvent.OUTPUT, stage), "published/" + stage);
  }

  /** The flow's error records, each naming the stage that failed. */
  public void failed(DataStream<FlowRecord> errorRecords) {
    tap(errorRecords, new Tap(RunEvent.ERROR, null), "failed");
  }

  /** The outcome records, or null when nothing was tapped. */
  public DataStream<FlowRecord> outcomes(int parallelism, boolean bounded) {
    if (events.isEmpty()) {
      return null;
    }
    DataStream<RunEvent> all = events.get(0);
    if (events.size() > 1) {
      all = all.union(events.subList(1, events.size()).toArray(new DataStream[0]));
    }
    DataStream<FlowRecord> outcomes =
        all.keyBy(e -> e.runId, Types.STRING)
            .process(new RunTracker(flow, idle), FlowRecordTypeInfo.INSTANCE)
            .uid(uid("tracker"))
            .name("runs")
            .setParallelism(parallelism);
    if (!bounded) {
      return outcomes;
    }
    return outcomes
        .keyBy(r -> (byte) 0, Types.BYTE)
        .process(new JobSummary(flow), FlowRecordTypeInfo.INSTANCE)
        .uid(uid("job"))
        .name("runs (job)")
        .setParallelism(1);
  }

  /** Uids of these operators start with "flow-runs/", which no stage's uid does. */
  private static String uid(String suffix) {
    return "flow-runs/" + suffix.replace("/", "//");
  }

  private void tap(DataStream<FlowRecord> records, Tap tap, String name) {
    events.add(
        records
            .flatMap(tap, EVENTS)
            .uid(uid(name))
            .name("runs: " + name)
            .setParallelism(records.getParallelism()));
  }

  /** Turns a record into the run event it stands for. */
  private static final class Tap implements FlatMapFunction<FlowRecord, RunEvent> {
    private static final long serialVersionUID = 1L;
    private final byte kind;
    private final String stage;

    Tap(byte kind, String stage) {
      this.kind = kind;
      this.stage = stage;
    }

    @Override
    public void flatMap(FlowRecord r, Collector<RunEvent> out) {
      if (r.runId() == null) {
        return;
      }
      long now = System.currentTimeMillis();
      if (kind == RunEvent.START) {
        long t = r.triggerTime() > 0 ? Math.min(r.triggerTime(), now) : now;
        out.collect(new RunEvent(r.runId(), kind, stage, t, null));
      } else if (kind == RunEvent.OUTPUT) {
        out.collect(new RunEvent(r.runId(), kind, stage, now, null));
      } else {
        out.collect(new RunEvent(r.runId(), kind, text(r, "stage"), now, text(r, "error")));
      }
    }

    private static String text(FlowRecord r, String field) {
      var v = r.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }
}

package dev.flow.translate.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes run outcomes on and, when a bounded flow's input ends, adds one record for the job as a
 * whole: runs, succeeded, failed, start, end and duration. Runs at parallelism 1 on one key.
 */
final class JobSummary extends KeyedProcessFunction<Byte, FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final String flow;
  private transient ValueState<long[]> totals;

  JobSummary(String flow) {
    this.flow = flow;
  }

  @Override
  public void open(OpenContext openContext) {
    totals =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "totals", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
  }

  @Override
  public void processElement(FlowRecord outcome, Context ctx, Collector<FlowRecord> out)
      throws Exception {
    long[] t = totals.value();
    if (t == null) {
      // runs, failed, first start, last end
      t = new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    t[0]++;
    if ("error".equals(outcome.get("status").asText())) {
      t[1]++;
    }
    t[2] = Math.min(t[2], Instant.parse(outcome.get("start").asText()).toEpochMilli());
    t[3] = Math.max(t[3], Instant.parse(outcome.get("end").asText()).toEpochMilli());
    totals.update(t);
    out.collect(outcome);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FlowRecord> out)
      throws Exception {
    long[] t = totals.value();
    if (t == null) {
      return;
    }
    ObjectNode o = Json.NODES.objectNode();
    o.put("flow", flow);
    o.put("job", true);
    o.put("status", t[1] == 0 ? "success" : "error");
    o.put("runs", t[0]);
    o.put("succeeded", t[0] - t[1]);
    o.put("failed", t[1]);
    o.put("start", Instant.ofEpochMilli(t[2]).toString());
    o.put("end", Instant.ofEpochMilli(t[3]).toString());
    o.put("durationMs", Math.max(0, t[3] - t[2]));
    totals.clear();
    out.collect(FlowRecord.of(o));
  }
}

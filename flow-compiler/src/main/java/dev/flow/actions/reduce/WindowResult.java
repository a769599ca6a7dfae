package dev.flow.actions.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Shapes a window's aggregates into the output record: key, windowStart, windowEnd, values. */
final class WindowResult extends ProcessWindowFunction<FlowRecord, FlowRecord, String, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private final String keyName;

  WindowResult(String keyName) {
    this.keyName = keyName;
  }

  @Override
  public void process(
      String key, Context ctx, Iterable<FlowRecord> results, Collector<FlowRecord> out) {
    for (FlowRecord values : results) {
      ObjectNode o = Json.NODES.objectNode();
      o.put(keyName, key);
      o.put("windowStart", Instant.ofEpochMilli(ctx.window().getStart()).toString());
      o.put("windowEnd", Instant.ofEpochMilli(ctx.window().getEnd()).toString());
      o.setAll(values.asObjectNode());
      FlowRecord r = FlowRecord.of(o);
      r.eventTime(ctx.window().maxTimestamp());
      out.collect(r);
    }
  }
}

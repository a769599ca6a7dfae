package dev.flow.actions.accumulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.actions.support.RecordKeys;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.record.Json;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps one open batch per key in checkpointed state and emits it when it reaches its record or
 * byte limit, when its processing-time timer fires, or at the end of input (an event-time timer at
 * the end of time, which the final watermark fires).
 */
final class BatchFunction extends KeyedProcessFunction<String, FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final int maxRecords;
  private final long maxBytes;
  private final long maxWaitMillis;
  private final String itemsField;

  private transient ListState<FlowRecord> items;
  private transient ValueState<Long> count;
  private transient ValueState<Long> bytes;
  private transient ValueState<Long> first;
  private transient ValueState<Long> last;
  private transient ValueState<Long> timer;

  BatchFunction(AccumulateOptions o) {
    this.maxRecords = o.maxRecords();
    this.maxBytes = o.maxBytes();
    this.maxWaitMillis = o.maxWait().toMillis();
    this.itemsField = o.itemsField();
  }

  @Override
  public void open(OpenContext openContext) {
    var rc = getRuntimeContext();
    items = rc.getListState(new ListStateDescriptor<>("items", FlowRecordTypeInfo.INSTANCE));
    count = rc.getState(new ValueStateDescriptor<>("count", Types.LONG));
    bytes = rc.getState(new ValueStateDescriptor<>("bytes", Types.LONG));
    first = rc.getState(new ValueStateDescriptor<>("firstTime", Types.LONG));
    last = rc.getState(new ValueStateDescriptor<>("lastTime", Types.LONG));
    timer = rc.getState(new ValueStateDescriptor<>("timer", Types.LONG));
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out)
      throws Exception {
    RecordKeys.take(r);
    long size = maxBytes > 0 ? r.toJsonBytes().length : 0;
    long n = value(count);
    if (n > 0 && maxBytes > 0 && value(bytes) + size > maxBytes) {
      flush(ctx.getCurrentKey(), ctx.timerService(), out);
      n = 0;
    }
    long now = ctx.timerService().currentProcessingTime();
    if (n == 0) {
      first.update(now);
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
      if (maxWaitMillis > 0) {
        timer.update(now + maxWaitMillis);
        ctx.timerService().registerProcessingTimeTimer(now + maxWaitMillis);
      }
    }
    items.add(r.copy());
    count.update(++n);
    bytes.update(value(bytes) + size);
    last.update(now);
    if ((maxRecords > 0 && n >= maxRecords) || (maxBytes > 0 && value(bytes) >= maxBytes)) {
      flush(ctx.getCurrentKey(), ctx.timerService(), out);
    }
  }

  @Override
  public void onTimer(long ts, OnTimerContext ctx, Collector<FlowRecord> out) throws Exception {
    boolean end = ts == END_OF_INPUT;
    Long due = timer.value();
    if (end || (due != null && due == ts)) {
      flush(ctx.getCurrentKey(), ctx.timerService(), out);
    }
  }

  private void flush(
      String key, org.apache.flink.streaming.api.TimerService timers, Collector<FlowRecord> out)
      throws Exception {
    long n = value(count);
    if (n == 0) {
      return;
    }
    ObjectNode batch = Json.NODES.objectNode();
    ArrayNode list = batch.putArray(itemsField);
    String runId = null;
    long triggerTime = FlowRecord.NO_TIME;
    for (FlowRecord item : items.get()) {
      list.add(item.asObjectNode());
      if (runId == null) {
        runId = item.runId();
        triggerTime = item.triggerTime();
      }
    }
    batch.put("count", n);
    batch.put("firstTime", Instant.ofEpochMilli(first.value()).toString());
    batch.put("lastTime", Instant.ofEpochMilli(last.value()).toString());
    batch.put("key", key);
    Long due = timer.value();
    if (due != null) {
      timers.deleteProcessingTimeTimer(due);
    }
    timers.deleteEventTimeTimer(END_OF_INPUT);
    items.clear();
    count.clear();
    bytes.clear();
    first.clear();
    last.clear();
    timer.clear();
    FlowRecord result = FlowRecord.of(batch);
    if (runId != null) {
      result.runId(runId);
    }
    result.triggerTime(triggerTime);
    out.collect(result);
  }

  private static long value(ValueState<Long> s) throws Exception {
    Long v = s.value();
    return v == null ? 0L : v;
  }
}

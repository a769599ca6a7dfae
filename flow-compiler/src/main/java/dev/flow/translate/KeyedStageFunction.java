package dev.flow.translate;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs an action's keyed function as the stage's main operator and counts a record it takes and
 * emits nothing for as filtered (a repeat that {@code Deduplicate} drops).
 */
final class KeyedStageFunction<K> extends KeyedProcessFunction<K, FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final String stageName;
  private final KeyedProcessFunction<K, FlowRecord, FlowRecord> function;
  private transient StageMetrics metrics;
  private transient Counting counting;

  KeyedStageFunction(String stageName, KeyedProcessFunction<K, FlowRecord, FlowRecord> function) {
    this.stageName = stageName;
    this.function = function;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(context);
    function.setRuntimeContext(context);
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup(), stageName);
    counting = new Counting();
    function.open(openContext);
  }

  @Override
  public void processElement(FlowRecord record, Context ctx, Collector<FlowRecord> out)
      throws Exception {
    counting.target = out;
    counting.emitted = 0;
    function.processElement(record, ctx, counting);
    if (counting.emitted == 0) {
      metrics.filtered.inc();
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<FlowRecord> out)
      throws Exception {
    function.onTimer(timestamp, ctx, out);
  }

  @Override
  public void close() throws Exception {
    function.close();
  }

  /** Counts what the function emits for one record. */
  private static final class Counting implements Collector<FlowRecord> {
    Collector<FlowRecord> target;
    int emitted;

    @Override
    public void collect(FlowRecord r) {
      emitted++;
      target.collect(r);
    }

    @Override
    public void close() {}
  }
}

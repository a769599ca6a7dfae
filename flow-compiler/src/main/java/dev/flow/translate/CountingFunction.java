package dev.flow.translate;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts the records that enter or leave a stage under the stage's name, chained in front of or
 * behind the stage's own operators. Publishers get one in front; transforms that build their own
 * operators (windows, batches, async calls) get one on each side, so that every stage reports
 * records in and out whatever it is made of.
 */
final class CountingFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final String stageName;
  private final boolean countsOutput;
  private transient StageMetrics metrics;

  private CountingFunction(String stageName, boolean countsOutput) {
    this.stageName = stageName;
    this.countsOutput = countsOutput;
  }

  /** Counts records in. */
  static CountingFunction in(String stageName) {
    return new CountingFunction(stageName, false);
  }

  /** Counts records out. */
  static CountingFunction out(String stageName) {
    return new CountingFunction(stageName, true);
  }

  @Override
  public void open(OpenContext openContext) {
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup(), stageName);
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
    (countsOutput ? metrics.out : metrics.in).inc();
    out.collect(r);
  }
}

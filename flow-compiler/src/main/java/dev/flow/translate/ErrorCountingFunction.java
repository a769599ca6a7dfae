package dev.flow.translate;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Counts a stage's error records, chained behind the operator that made them. When the records
 * failed before the stage's own counting (a trigger's source, an expected-input check) it counts
 * them as records in too, so that records in = out + filtered + errors still holds.
 */
final class ErrorCountingFunction extends RichMapFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final String stageName;
  private final boolean countsIn;
  private transient StageMetrics metrics;

  ErrorCountingFunction(String stageName, boolean countsIn) {
    this.stageName = stageName;
    this.countsIn = countsIn;
  }

  @Override
  public void open(OpenContext openContext) {
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup(), stageName);
  }

  @Override
  public FlowRecord map(FlowRecord errorRecord) {
    if (countsIn) {
      metrics.in.inc();
    }
    metrics.errors.inc();
    return errorRecord;
  }
}

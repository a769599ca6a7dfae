package dev.flow.translate;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts the records a publisher receives under the publisher's stage name, chained in front of its
 * sink, so that every stage reports records in whatever sink it uses.
 */
final class PublisherInputFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final String stageName;
  private transient StageMetrics metrics;

  PublisherInputFunction(String stageName) {
    this.stageName = stageName;
  }

  @Override
  public void open(OpenContext openContext) {
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup(), stageName);
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
    metrics.in.inc();
    out.collect(r);
  }
}

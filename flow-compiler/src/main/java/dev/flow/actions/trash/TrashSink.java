package dev.flow.actions.trash;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** A SinkV2 sink that discards records and counts them in the metric {@code recordsDiscarded}. */
public final class TrashSink implements Sink<FlowRecord> {
  private static final long serialVersionUID = 1L;

  /** The name of the counter of discarded records. */
  public static final String METRIC = "recordsDiscarded";

  @Override
  public SinkWriter<FlowRecord> createWriter(WriterInitContext context) {
    return writer(context.metricGroup());
  }

  /** For Flink 1.x runtimes that still call the old method; removed in Flink 2. */
  @Override
  @Deprecated
  public SinkWriter<FlowRecord> createWriter(InitContext context) {
    return writer(context.metricGroup());
  }

  private static SinkWriter<FlowRecord> writer(MetricGroup metrics) {
    return new Writer(metrics.counter(METRIC));
  }

  /** Counts and forgets. */
  static final class Writer implements SinkWriter<FlowRecord> {
    private final Counter discarded;

    Writer(Counter discarded) {
      this.discarded = discarded;
    }

    @Override
    public void write(FlowRecord record, Context context) {
      discarded.inc();
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {}
  }
}

package dev.flow.connectors.flowserver;

import dev.flow.record.FlowRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A SinkV2 sink that reports records to the Flow server as JSON lines: buffered, sent when a batch
 * is full, and always before a checkpoint completes and at the end of input, so that every record
 * of a completed checkpoint has reached the server (at least once; the server de-duplicates).
 */
public final class FlowServerSink implements Sink<FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final FlowServerOptions options;

  public FlowServerSink(FlowServerOptions options) {
    this.options = options;
  }

  @Override
  public SinkWriter<FlowRecord> createWriter(WriterInitContext context) {
    return new Writer(options, context.metricGroup());
  }

  /** For Flink 1.x runtimes that still call the old method; removed in Flink 2. */
  @Override
  @Deprecated
  public SinkWriter<FlowRecord> createWriter(InitContext context) {
    return new Writer(options, context.metricGroup());
  }

  /** Buffers JSON lines and posts them in batches. */
  static final class Writer implements SinkWriter<FlowRecord> {
    private final FlowServerOptions options;
    private final IngestClient client;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Counter reported;
    private int buffered;

    Writer(FlowServerOptions options, MetricGroup metrics) {
      this.options = options;
      this.client = new IngestClient(options);
      this.reported = metrics.counter("recordsReported");
    }

    @Override
    public void write(FlowRecord record, Context context) throws IOException, InterruptedException {
      buffer.write(record.toJsonBytes());
      buffer.write('\n');
      if (++buffered >= options.batchSize()) {
        send();
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
      send();
    }

    private void send() throws IOException, InterruptedException {
      if (buffered == 0) {
        return;
      }
      client.post(buffer.toByteArray());
      reported.inc(buffered);
      buffer.reset();
      buffered = 0;
    }

    @Override
    public void close() throws Exception {
      // Records written since the last checkpoint are sent again after a restore; send what is
      // left on a clean close, when end of input was not signalled.
      send();
    }
  }
}

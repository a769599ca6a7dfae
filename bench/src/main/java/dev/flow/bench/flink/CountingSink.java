package dev.flow.bench.flink;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that serializes every record it receives to bytes, counts records and bytes, and reports
 * them to {@link Marks} when it closes. Every variant's output is serialized the same way, so no
 * variant saves the cost of writing its result.
 *
 * @param <T> the record type
 */
public final class CountingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private final ToBytes<T> toBytes;

  public CountingSink(ToBytes<T> toBytes) {
    this.toBytes = toBytes;
  }

  @Override
  @Deprecated
  public SinkWriter<T> createWriter(InitContext context) {
    return new Writer();
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new Writer();
  }

  /** Writes one record as bytes. */
  @FunctionalInterface
  public interface ToBytes<T> extends Serializable {
    byte[] apply(T record) throws Exception;
  }

  /** Counts locally and reports once. */
  private final class Writer implements SinkWriter<T> {
    private long records;
    private long bytes;
    private long checksum;

    @Override
    public void write(T element, Context context) throws IOException {
      byte[] b;
      try {
        b = toBytes.apply(element);
      } catch (Exception e) {
        throw new IOException(e);
      }
      records++;
      bytes += b.length;
      Marks.output(b);
      // Cheap and order-independent: detects variants whose output differs.
      checksum += b.length * 31L + (b.length > 0 ? b[b.length / 2] : 0);
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {
      Marks.finished(records, bytes, checksum);
    }
  }
}

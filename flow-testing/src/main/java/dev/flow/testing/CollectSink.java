package dev.flow.testing;

import dev.flow.record.FlowRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A test sink that keeps what it receives in memory under a name, for tests on a MiniCluster in the
 * same JVM. Records are copied, so later reuse by Flink cannot change them.
 */
public final class CollectSink implements Sink<FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<FlowRecord>> RECEIVED = new ConcurrentHashMap<>();

  private final String name;

  public CollectSink(String name) {
    this.name = name;
    RECEIVED.put(name, Collections.synchronizedList(new ArrayList<>()));
  }

  /** What the sink called {@code name} has received so far. */
  public static List<FlowRecord> received(String name) {
    List<FlowRecord> l = RECEIVED.get(name);
    if (l == null) {
      return List.of();
    }
    synchronized (l) {
      return List.copyOf(l);
    }
  }

  /** The payloads received, as JSON strings, in arrival order. */
  public static List<String> payloads(String name) {
    return received(name).stream().map(FlowRecord::toJson).toList();
  }

  @Override
  @Deprecated
  public SinkWriter<FlowRecord> createWriter(InitContext context) {
    return writer();
  }

  @Override
  public SinkWriter<FlowRecord> createWriter(WriterInitContext context) {
    return writer();
  }

  private SinkWriter<FlowRecord> writer() {
    List<FlowRecord> target =
        RECEIVED.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()));
    return new SinkWriter<>() {
      @Override
      public void write(FlowRecord element, Context ctx) {
        target.add(element.copy());
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}

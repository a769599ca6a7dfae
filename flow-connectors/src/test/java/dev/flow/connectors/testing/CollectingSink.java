package dev.flow.connectors.testing;

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
 * A test sink that keeps every record it receives in memory under a name, for jobs on a MiniCluster
 * in the same JVM. Not fault tolerant: it keeps records written before a failure too.
 */
public final class CollectingSink implements Sink<FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<FlowRecord>> RESULTS = new ConcurrentHashMap<>();

  private final String name;

  public CollectingSink(String name) {
    this.name = name;
    RESULTS.put(name, Collections.synchronizedList(new ArrayList<>()));
  }

  /** A copy of what the sink of this name received so far. */
  public static List<FlowRecord> results(String name) {
    List<FlowRecord> l = RESULTS.get(name);
    synchronized (l) {
      return new ArrayList<>(l);
    }
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
    List<FlowRecord> target = RESULTS.get(name);
    return new SinkWriter<>() {
      @Override
      public void write(FlowRecord element, Context context) {
        target.add(element.copy());
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}

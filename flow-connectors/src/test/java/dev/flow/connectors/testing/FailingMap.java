package dev.flow.connectors.testing;

import dev.flow.record.FlowRecord;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Injects task failures: any subtask throws once it has seen {@code afterRecords} records since it
 * was (re)started, until {@code failures} failures were thrown in all. Any subtask, because which
 * one receives records (e.g. which Kafka partitions hold them) is not up to the test. Counters live
 * in static maps keyed by a test's name, for a MiniCluster in the same JVM.
 */
public final class FailingMap extends RichMapFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final ConcurrentHashMap<String, AtomicInteger> THROWN = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, AtomicInteger> OPENED = new ConcurrentHashMap<>();

  private final String name;
  private final int failures;
  private final int afterRecords;
  private transient int seen;
  private transient boolean armed;

  public FailingMap(String name, int failures, int afterRecords) {
    this.name = name;
    this.failures = failures;
    this.afterRecords = afterRecords;
    THROWN.put(name, new AtomicInteger());
    OPENED.put(name, new AtomicInteger());
  }

  /** How many failures were injected so far. */
  public static int thrown(String name) {
    return THROWN.get(name).get();
  }

  /** How many times a subtask was opened, over all attempts. */
  public static int opened(String name) {
    return OPENED.get(name).get();
  }

  @Override
  public void open(OpenContext openContext) {
    OPENED.get(name).incrementAndGet();
    seen = 0;
    armed = THROWN.get(name).get() < failures;
  }

  @Override
  public FlowRecord map(FlowRecord r) {
    if (armed && ++seen == afterRecords) {
      AtomicInteger thrown = THROWN.get(name);
      int n = thrown.get();
      while (n < failures) {
        if (thrown.compareAndSet(n, n + 1)) {
          throw new IllegalStateException("injected failure " + (n + 1));
        }
        n = thrown.get();
      }
    }
    return r;
  }
}

package dev.flow.bench.flink;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one measured job reports back to the harness in the same JVM: when its sources produced
 * their first record, when its sinks closed, and what the sinks received. Timing inside the job
 * leaves the local cluster's start and stop out of the figure.
 */
public final class Marks {
  private static final AtomicLong START = new AtomicLong(Long.MAX_VALUE);
  private static final AtomicLong END = new AtomicLong(Long.MIN_VALUE);
  private static final AtomicLong RECORDS = new AtomicLong();
  private static final AtomicLong BYTES = new AtomicLong();
  private static final AtomicLong CHECKSUM = new AtomicLong();

  private static volatile java.util.List<byte[]> collected;

  private Marks() {}

  /** From now on sinks also keep a copy of every output they serialize, until the next reset. */
  public static void collect() {
    collected = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  }

  /** The outputs kept since {@link #collect()}, or null when not collecting. */
  public static java.util.List<byte[]> collected() {
    return collected;
  }

  /** Keeps a copy of one serialized output when collecting. */
  static void output(byte[] bytes) {
    java.util.List<byte[]> c = collected;
    if (c != null) {
      c.add(bytes.clone());
    }
  }

  /** Clears the marks before a run. */
  public static void reset() {
    START.set(Long.MAX_VALUE);
    END.set(Long.MIN_VALUE);
    RECORDS.set(0);
    BYTES.set(0);
    CHECKSUM.set(0);
    collected = null;
  }

  /** A source produced its first record now. */
  public static void started() {
    long now = System.nanoTime();
    START.accumulateAndGet(now, Math::min);
  }

  /** A sink closed now, having received {@code records} records of {@code bytes} bytes. */
  public static void finished(long records, long bytes, long checksum) {
    long now = System.nanoTime();
    END.accumulateAndGet(now, Math::max);
    RECORDS.addAndGet(records);
    BYTES.addAndGet(bytes);
    CHECKSUM.addAndGet(checksum);
  }

  /** Nanoseconds from the first source record to the last sink close. */
  public static long elapsedNanos() {
    long s = START.get();
    long e = END.get();
    if (s == Long.MAX_VALUE || e == Long.MIN_VALUE) {
      throw new IllegalStateException("the job did not report its start and end");
    }
    return e - s;
  }

  public static long records() {
    return RECORDS.get();
  }

  public static long bytes() {
    return BYTES.get();
  }

  public static long checksum() {
    return CHECKSUM.get();
  }
}

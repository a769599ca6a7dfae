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

  private Marks() {}

  /** Clears the marks before a run. */
  public static void reset() {
    START.set(Long.MAX_VALUE);
    END.set(Long.MIN_VALUE);
    RECORDS.set(0);
    BYTES.set(0);
    CHECKSUM.set(0);
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

package dev.flow.connectors;

import java.util.concurrent.ThreadLocalRandom;

/** The wait before a retry, shared by the connectors that retry calls to a service. */
public final class Backoff {
  private Backoff() {}

  /**
   * The wait before retry number {@code retry} (1-based), in milliseconds: {@code base × 2^(retry -
   * 1)}, capped at {@code cap}, then between half and all of that, so that many callers do not
   * retry in step.
   */
  public static long jitteredMillis(int retry, long base, long cap) {
    long delay = base << Math.min(20, Math.max(0, retry - 1));
    delay = Math.min(Math.max(delay, 0), cap);
    return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
  }
}

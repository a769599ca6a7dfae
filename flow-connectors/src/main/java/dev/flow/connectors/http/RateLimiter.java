package dev.flow.connectors.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Spaces requests evenly to at most {@code perSecond}, without blocking: it hands out start times.
 */
final class RateLimiter {
  private final long intervalNanos;
  private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

  RateLimiter(double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
  }

  /** Milliseconds to wait before the next request may start (0: now). */
  long reserveMillis() {
    return reserveMillis(System.nanoTime());
  }

  /** {@link #reserveMillis()} at the time {@code now}, on {@link System#nanoTime()}'s scale. */
  long reserveMillis(long now) {
    if (intervalNanos == 0) {
      return 0;
    }
    long slot = next.getAndAccumulate(now, (prev, n) -> Math.max(prev, n) + intervalNanos);
    long start = Math.max(slot, now);
    return Math.max(0, (start - now) / 1_000_000);
  }
}

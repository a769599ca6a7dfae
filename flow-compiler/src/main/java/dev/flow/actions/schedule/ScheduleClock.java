package dev.flow.actions.schedule;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * Paces the ticks of one schedule at a fixed rate, and tells the tick function the time each tick
 * was due. The source's rate limiter and its generator function share one clock per reader, since
 * both are fields of the same serialized source.
 */
final class ScheduleClock implements RateLimiterStrategy, Serializable {
  private static final long serialVersionUID = 1L;

  /** A serializable wall clock. */
  interface Millis extends LongSupplier, Serializable {}

  private final long intervalMillis;
  private final long initialDelayMillis;
  private final Millis clock;

  private transient long nextDue;
  private transient long due;
  private transient boolean pending;

  ScheduleClock(long intervalMillis, long initialDelayMillis) {
    this(intervalMillis, initialDelayMillis, System::currentTimeMillis);
  }

  ScheduleClock(long intervalMillis, long initialDelayMillis, Millis clock) {
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.intervalMillis = intervalMillis;
    this.initialDelayMillis = Math.max(0, initialDelayMillis);
    this.clock = clock;
  }

  @Override
  public RateLimiter createRateLimiter(int parallelism) {
    return this::acquire;
  }

  /**
   * Completes when the next tick is due. A due tick that was not emitted yet (the reader had no
   * split) stays the next one, so no tick is skipped.
   */
  CompletionStage<Void> acquire() {
    long now = clock.getAsLong();
    if (!pending) {
      if (nextDue == 0) {
        nextDue = now + initialDelayMillis;
      }
      due = nextDue;
      nextDue = due + intervalMillis;
      pending = true;
    }
    long wait = due - now;
    if (wait <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS));
  }

  /** Takes the tick that is due: its time in epoch milliseconds, or now when none was paced. */
  long take() {
    pending = false;
    return due == 0 ? clock.getAsLong() : due;
  }
}

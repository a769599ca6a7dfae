package dev.flow.connectors.http;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a call to an HTTP service is retried: up to {@code maxRetries} more attempts after the first,
 * waiting {@code initialBackoff × 2^n} (capped at {@code maxBackoff}, with jitter) or the service's
 * Retry-After.
 */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff)
    implements Serializable {

  /** The longest Retry-After honoured, so that one answer cannot stall a stage for hours. */
  static final long MAX_RETRY_AFTER_MILLIS = 300_000;

  /** The wait before retry number {@code retry} (1-based), in milliseconds. */
  long backoffMillis(int retry) {
    long base = initialBackoff == null ? 200 : initialBackoff.toMillis();
    long cap = maxBackoff == null ? 30_000 : maxBackoff.toMillis();
    long delay = base << Math.min(20, retry - 1);
    delay = Math.min(Math.max(delay, 0), cap);
    // Between half and all of the delay, so that many callers do not retry in step.
    return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
  }

  /** True for answers worth another attempt: 429 and every 5xx. */
  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }
}

package dev.flow.connectors.http;

import dev.flow.connectors.Backoff;
import java.io.Serializable;
import java.time.Duration;

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
    return Backoff.jitteredMillis(retry, base, cap);
  }

  /** True for answers worth another attempt: 429 and every 5xx. */
  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }
}

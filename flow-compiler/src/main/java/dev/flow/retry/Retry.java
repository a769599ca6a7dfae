package dev.flow.retry;

import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;

/**
 * The common {@code retry} prop of a stage: how often Flow processes a record again after a
 * transient failure, and how long it waits in between. On by default: 3 tries, waiting 1s, then 2s.
 *
 * @param attempts tries in all, the first included; 1 does not retry; null for the default, 3
 * @param backoff the wait before the second try, doubled before each further one; null for 1s
 * @param maxBackoff the longest wait between two tries; null for 30s
 */
public record Retry(
    @Prop(
            min = "1",
            description =
                "Tries in all for a record whose processing fails transiently (I/O, a timeout, a"
                    + " TransientStageException), the first included; 1 does not retry.",
            defaultValue = "3")
        Integer attempts,
    @Prop(
            description = "The wait before the second try; it doubles before each further one.",
            defaultValue = "1s")
        Duration backoff,
    @Prop(description = "The longest wait between two tries.", defaultValue = "30s")
        Duration maxBackoff)
    implements Serializable {

  /** Tries in all when {@code attempts} is not written. */
  public static final int DEFAULT_ATTEMPTS = 3;

  private static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  /** The retry of a stage that does not write the prop: 3 tries, 1s doubling, at most 30s. */
  public static Retry defaults() {
    return new Retry(DEFAULT_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_MAX_BACKOFF);
  }

  /** Tries once: no retry. */
  public static Retry none() {
    return new Retry(1, DEFAULT_BACKOFF, DEFAULT_MAX_BACKOFF);
  }

  /** Tries in all, the first included: {@code attempts}, or 3 when not written. */
  public int tries() {
    return attempts == null ? DEFAULT_ATTEMPTS : attempts;
  }

  /** Whether a record is ever tried more than once. */
  public boolean retries() {
    return tries() > 1;
  }

  /** The wait after the failed try number {@code attempt} (1 for the first). */
  public Duration waitAfter(int attempt) {
    Duration first = backoff == null ? DEFAULT_BACKOFF : backoff;
    Duration max = maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff;
    Duration d = first;
    for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}

package dev.flow.retry;

import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;

/**
 * The common {@code retry} prop of a stage: how often Flow processes a record again after a
 * transient failure, and how long it waits in between.
 *
 * @param attempts tries in all, the first included; 1 does not retry
 * @param backoff the wait before the second try, doubled before each further one
 * @param maxBackoff the longest wait between two tries
 */
public record Retry(
    @Prop(
            min = "1",
            description =
                "Tries in all for a record whose processing fails transiently (I/O, a timeout, a"
                    + " TransientStageException), the first included; 1 does not retry.",
            defaultValue = "1")
        Integer attempts,
    @Prop(
            description = "The wait before the second try; it doubles before each further one.",
            defaultValue = "1s")
        Duration backoff,
    @Prop(description = "The longest wait between two tries.", defaultValue = "30s")
        Duration maxBackoff)
    implements Serializable {

  /** Tries once: no retry. */
  public static Retry none() {
    return new Retry(1, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /** Whether a record is ever tried more than once. */
  public boolean retries() {
    return attempts != null && attempts > 1;
  }

  /** The wait after the failed try number {@code attempt} (1 for the first). */
  public Duration waitAfter(int attempt) {
    Duration first = backoff == null ? Duration.ofSeconds(1) : backoff;
    Duration max = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
    Duration d = first;
    for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}

package dev.flow.spi;

import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes run ids: a random 48-bit prefix drawn once per generator, then a counter. Ids are unique
 * across parallel instances and restarts, and cost a few nanoseconds each.
 */
public final class RunIds implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient String prefix;
  private transient long counter;

  /** The next run id. */
  public String next() {
    if (prefix == null) {
      prefix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16 | (1L << 47));
    }
    return prefix + "-" + Long.toString(++counter, 36);
  }
}

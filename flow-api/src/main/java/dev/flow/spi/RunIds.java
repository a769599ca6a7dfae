package dev.flow.spi;

import dev.flow.record.FlowRecord;
import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes run ids: a random 48-bit prefix drawn once per generator, then a counter. Ids are unique
 * across parallel instances and restarts, and cost a few nanoseconds each.
 *
 * <p>An id is the prefix in hexadecimal, a dash and the counter in base 36. {@link
 * #assign(FlowRecord)} gives a record its number only, and the record builds the id's text the
 * first time something reads it; most records' ids are never read.
 */
public final class RunIds implements Serializable, FlowRecord.RunIdSource {
  private static final long serialVersionUID = 1L;

  /** The prefix and its dash, drawn on first use. */
  private transient String prefix;

  private transient long count;

  /** The next run id. */
  public String next() {
    return runId(advance());
  }

  /** Gives {@code record} the next run id, whose text is built when it is first read. */
  public void assign(FlowRecord record) {
    record.runId(this, advance());
  }

  private long advance() {
    if (prefix == null) {
      prefix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16 | (1L << 47)) + "-";
    }
    return ++count;
  }

  /** The id numbered {@code n} of this generator (whose prefix is drawn by then). */
  @Override
  public String runId(long n) {
    return prefix.concat(Long.toString(n, 36));
  }
}

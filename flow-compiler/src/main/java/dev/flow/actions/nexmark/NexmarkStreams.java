package dev.flow.actions.nexmark;

import dev.flow.actions.nexmark.NexmarkModel.Kind;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Numbers the events of some of the streams: the {@code i}-th event of the chosen streams is event
 * number {@link #eventNumber(long)} of the whole sequence, so skipping a stream costs nothing.
 */
public final class NexmarkStreams implements Serializable {
  private static final long serialVersionUID = 1L;
  private final long[] offsets;
  private final boolean typed;

  /** The chosen streams, in any order; duplicates count once. */
  public NexmarkStreams(List<Kind> kinds) {
    EnumSet<Kind> chosen = EnumSet.noneOf(Kind.class);
    chosen.addAll(kinds);
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("at least one stream is needed");
    }
    List<Long> in = new ArrayList<>();
    for (long n = 0; n < NexmarkGenerator.TOTAL_PROPORTION; n++) {
      if (chosen.contains(NexmarkGenerator.kindOf(n))) {
        in.add(n);
      }
    }
    this.offsets = in.stream().mapToLong(Long::longValue).toArray();
    this.typed = chosen.size() > 1;
  }

  /** The event number of the {@code index}-th chosen event. */
  public long eventNumber(long index) {
    return (index / offsets.length) * NexmarkGenerator.TOTAL_PROPORTION
        + offsets[(int) (index % offsets.length)];
  }

  /** Whether records name their stream, because more than one is chosen. */
  boolean typed() {
    return typed;
  }
}

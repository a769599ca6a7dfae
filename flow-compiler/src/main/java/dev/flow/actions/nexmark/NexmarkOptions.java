package dev.flow.actions.nexmark;

import dev.flow.spi.Prop;
import java.time.Instant;
import java.util.List;

/**
 * Props of the {@code Nexmark} trigger.
 *
 * @param streams the streams to emit: person, auction, bid
 * @param count events to emit (of the chosen streams) before ending; 0 for no end
 * @param rate events emitted per second over all parallel instances; 0 for no limit
 * @param eventsPerSecond how fast event time advances
 * @param baseTime the event time of the first event
 * @param seed the seed of every random choice
 */
public record NexmarkOptions(
    @Prop(
            description =
                "The streams to emit: person, auction, bid. With more than one, each record has a"
                    + " first field type naming its stream.",
            defaultValue = "[person, auction, bid]")
        List<Stream> streams,
    @Prop(
            description = "Events of the chosen streams to emit before ending; 0 means no end.",
            defaultValue = "0",
            min = "0")
        long count,
    @Prop(
            description =
                "Events emitted per second over all parallel instances; 0 means no limit.",
            defaultValue = "0",
            min = "0")
        double rate,
    @Prop(
            description =
                "How fast event time advances, in events (of all three streams) per second of"
                    + " event time, whatever the speed they are emitted at.",
            defaultValue = "10000")
        double eventsPerSecond,
    @Prop(
            description =
                "The event time of the first event: an ISO-8601 instant or epoch milliseconds.",
            defaultValue = "2026-01-01T00:00:00Z")
        Instant baseTime,
    @Prop(description = "The seed of every random choice.", defaultValue = "0") long seed) {

  /** The streams of the benchmark. */
  public enum Stream {
    PERSON,
    AUCTION,
    BID
  }
}

package dev.flow.connectors;

import dev.flow.spi.ValidationContext;
import java.time.Instant;

/**
 * The rule the start-position props of the broker triggers share: {@code startTimestamp} is needed
 * by, and used only with, the {@code startFrom} that starts at a time. Each trigger declares its
 * own {@code startFrom}, as the brokers name their positions differently (Kafka's {@code timestamp}
 * and committed offsets, Kinesis' {@code at_timestamp} and {@code trim_horizon}).
 */
public final class StartPosition {
  private StartPosition() {}

  /**
   * Reports a missing or unused {@code startTimestamp}.
   *
   * @param atTime whether {@code startFrom} starts at a time
   * @param atTimeName how that {@code startFrom} is written, e.g. {@code timestamp}
   * @param startTimestamp the timestamp, or null
   */
  public static void validate(
      ValidationContext ctx, boolean atTime, String atTimeName, Instant startTimestamp) {
    if (atTime && startTimestamp == null) {
      ctx.error("startTimestamp", "startFrom: " + atTimeName + " needs startTimestamp");
    } else if (!atTime && startTimestamp != null) {
      ctx.warning("startTimestamp", "startTimestamp is used only with startFrom: " + atTimeName);
    }
  }
}

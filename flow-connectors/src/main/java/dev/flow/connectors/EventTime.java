package dev.flow.connectors;

import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.Prop;
import dev.flow.spi.PropGroup;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The event-time props of the triggers that read a broker (Kafka, Kinesis), declared once: the
 * field that holds a record's event time, and how the watermark follows it.
 *
 * @param eventTimeField the field holding the event time, or null for the broker's record time
 * @param maxOutOfOrderness how far behind the latest event time a record may arrive
 * @param idleTimeout after how long without records a partition or shard stops holding back the
 *     watermark, or null for never
 */
@PropGroup
public record EventTime(
    @Prop(
            description =
                "A field holding the event time (epoch milliseconds or ISO-8601); turns on"
                    + " event-time watermarks. Without it the time the broker gives the record"
                    + " (Kafka's record time, Kinesis' arrival time) is used.")
        FieldPath eventTimeField,
    @Prop(
            description = "How far behind the latest event time a record may arrive.",
            defaultValue = "5s")
        Duration maxOutOfOrderness,
    @Prop(
            description =
                "After how long without records a partition or shard stops holding back the"
                    + " watermark; unset means never.")
        Duration idleTimeout) {

  /** No event-time field: the broker's time, no watermarks. */
  public static EventTime none() {
    return new EventTime(null, Duration.ofSeconds(5), null);
  }

  /** Reports an event-time field on a trigger whose records are not JSON objects. */
  public void validate(ValidationContext ctx, PayloadFormat format) {
    if (eventTimeField != null && format != null && format != PayloadFormat.JSON) {
      ctx.error("eventTimeField", "eventTimeField needs format: json");
    }
  }

  /** Watermarks that follow the event-time field, or none when no field is set. */
  public WatermarkStrategy<FlowRecord> watermarks() {
    if (eventTimeField == null) {
      return WatermarkStrategy.noWatermarks();
    }
    return EventTimeWatermarks.boundedOutOfOrderness(
        maxOutOfOrderness == null ? Duration.ofSeconds(5) : maxOutOfOrderness, idleTimeout);
  }
}

package dev.flow.connectors.kafka;

import dev.flow.connectors.EventTime;
import dev.flow.connectors.PayloadFormat;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Props of the {@code Kafka} trigger. */
public record KafkaTriggerOptions(
    @Prop(
            description = "Kafka bootstrap servers, host:port separated by commas.",
            required = true,
            example = "localhost:9092")
        String bootstrapServers,
    @Prop(description = "The topics to read. Set this or topicPattern.", example = "[orders]")
        List<String> topics,
    @Prop(
            description = "A regular expression; every topic whose name matches it is read.",
            example = "orders-.*")
        Pattern topicPattern,
    @Prop(
            description =
                "The consumer group, whose offsets are committed on each checkpoint. Defaults to"
                    + " flow-<flow name>-<stage name>.")
        String groupId,
    @Prop(
            description =
                "Where a new job starts reading: committed (the group's offsets), earliest,"
                    + " latest or timestamp. A job restored from a checkpoint resumes where it"
                    + " was.",
            defaultValue = "committed")
        StartFrom startFrom,
    @Prop(
            description =
                "Where to start when the group has no committed offset (startFrom: committed):"
                    + " earliest or latest.",
            defaultValue = "earliest")
        Fallback fallback,
    @Prop(
            description =
                "For startFrom: timestamp, the time to start from: epoch milliseconds or an"
                    + " ISO-8601 instant.",
            example = "2024-05-01T00:00:00Z")
        Instant startTimestamp,
    @Prop(
            description =
                "json: each message is a JSON object. string or bytes: the message is put into"
                    + " the field valueField (bytes as base64).",
            defaultValue = "json")
        PayloadFormat format,
    @Prop(
            description = "The field that holds the message for format string or bytes.",
            defaultValue = "value")
        FieldPath valueField,
    EventTime eventTime,
    @Prop(
            description =
                "Stop at the offsets that are latest when the job starts, instead of reading"
                    + " forever.",
            defaultValue = "false")
        boolean bounded,
    @Prop(
            description =
                "Kafka consumer properties passed as they are, e.g. security.protocol,"
                    + " sasl.mechanism, sasl.jaas.config, ssl.truststore.location."
                    + " isolation.level is read_committed unless set here.",
            secret = true)
        Map<String, String> properties,
    @Prop(
            description =
                "Check that the brokers answer and the topics exist when the job is built;"
                    + " 0s skips the check.",
            defaultValue = "10s")
        Duration connectTimeout) {

  /** The event-time field, or null. */
  public FieldPath eventTimeField() {
    return eventTime.eventTimeField();
  }

  /** Where a new job starts reading. */
  public enum StartFrom {
    COMMITTED,
    EARLIEST,
    LATEST,
    TIMESTAMP
  }

  /** Where to start when the group has no committed offset. */
  public enum Fallback {
    EARLIEST,
    LATEST
  }
}

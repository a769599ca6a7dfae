package dev.flow.connectors.kafka;

import dev.flow.connectors.PayloadFormat;
import dev.flow.spi.Prop;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        String topicPattern,
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
        String startTimestamp,
    @Prop(
            description =
                "json: each message is a JSON object. string or bytes: the message is put into"
                    + " the field valueField (bytes as base64).",
            defaultValue = "json")
        PayloadFormat format,
    @Prop(
            description = "The field that holds the message for format string or bytes.",
            defaultValue = "value")
        String valueField,
    @Prop(
            description =
                "A field holding the event time (epoch milliseconds or ISO-8601); turns on"
                    + " event-time watermarks. Without it the Kafka record time is used.")
        String eventTimeField,
    @Prop(
            description = "How far behind the latest event time a record may arrive.",
            defaultValue = "5s")
        Duration maxOutOfOrderness,
    @Prop(
            description =
                "After how long without records a partition stops holding back the watermark;"
                    + " unset means never.")
        Duration idleTimeout,
    @Prop(
            description =
                "Stop at the offsets that are latest when the job starts, instead of reading"
                    + " forever.",
            defaultValue = "false")
        boolean bounded,
    @Prop(
            description =
                "Kafka consumer properties passed as they are, e.g. security.protocol,"
                    + " sasl.mechanism, sasl.jaas.config, ssl.truststore.location.",
            secret = true)
        Map<String, String> properties,
    @Prop(
            description =
                "Check that the brokers answer and the topics exist when the job is built;"
                    + " 0s skips the check.",
            defaultValue = "10s")
        Duration connectTimeout) {

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

package dev.flow.connectors.kinesis;

import dev.flow.connectors.EventTime;
import dev.flow.connectors.PayloadFormat;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Props of the {@code Kinesis} trigger. */
public record KinesisTriggerOptions(
    @Prop(
            description = "The stream's name or ARN.",
            required = true,
            example = "arn:aws:kinesis:us-east-1:123456789012:stream/orders")
        String stream,
    AwsAccess aws,
    @Prop(
            description =
                "Where a new job starts reading: latest, trim_horizon (the oldest record) or"
                    + " at_timestamp. A job restored from a checkpoint resumes where it was.",
            defaultValue = "latest")
        StartFrom startFrom,
    @Prop(
            description =
                "For startFrom: at_timestamp, the time to start from: epoch milliseconds or an"
                    + " ISO-8601 instant.")
        Instant startTimestamp,
    @Prop(
            description =
                "json: each record is a JSON object. string or bytes: the data is put into the"
                    + " field valueField (bytes as base64).",
            defaultValue = "json")
        PayloadFormat format,
    @Prop(
            description = "The field that holds the data for format string or bytes.",
            defaultValue = "value")
        FieldPath valueField,
    EventTime eventTime,
    @Prop(description = "How often to look for new shards.", defaultValue = "10s", min = "1ms")
        Duration shardDiscoveryInterval,
    @Prop(
            description =
                "Further connector properties passed as they are, e.g. aws.credentials.provider"
                    + ".role.arn or aws.http-client.read-timeout.",
            secret = true)
        Map<String, String> properties,
    @Prop(
            description =
                "Look the stream up when the job is built, which checks that Kinesis answers;"
                    + " 0s skips it (then stream must be an ARN).",
            defaultValue = "10s")
        Duration connectTimeout) {

  /** The event-time field, or null. */
  public FieldPath eventTimeField() {
    return eventTime.eventTimeField();
  }

  /** Where a new job starts reading. */
  public enum StartFrom {
    LATEST,
    TRIM_HORIZON,
    AT_TIMESTAMP
  }
}

package dev.flow.connectors.kinesis;

import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.kinesis.KinesisAccess.Credentials;
import dev.flow.spi.Prop;
import java.time.Duration;
import java.util.Map;

/** Props of the {@code Kinesis} trigger. */
public record KinesisTriggerOptions(
    @Prop(
            description = "The stream's name or ARN.",
            required = true,
            example = "arn:aws:kinesis:us-east-1:123456789012:stream/orders")
        String stream,
    @Prop(description = "The AWS region; taken from the ARN when unset.", example = "us-east-1")
        String region,
    @Prop(
            description = "An endpoint to use instead of AWS's, e.g. a local emulator.",
            example = "http://localhost:4567")
        String endpoint,
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
        String startTimestamp,
    @Prop(
            description =
                "auto (the default AWS chain), basic (accessKeyId and secretAccessKey), env_var,"
                    + " sys_prop, profile, assume_role or web_identity_token; the last three"
                    + " take their settings from properties.",
            defaultValue = "auto")
        Credentials credentials,
    @Prop(description = "The access key id for credentials: basic.", secret = true)
        String accessKeyId,
    @Prop(description = "The secret access key for credentials: basic.", secret = true)
        String secretAccessKey,
    @Prop(
            description =
                "json: each record is a JSON object. string or bytes: the data is put into the"
                    + " field valueField (bytes as base64).",
            defaultValue = "json")
        PayloadFormat format,
    @Prop(
            description = "The field that holds the data for format string or bytes.",
            defaultValue = "value")
        String valueField,
    @Prop(
            description =
                "A field holding the event time (epoch milliseconds or ISO-8601); turns on"
                    + " event-time watermarks. Without it the arrival time is used.")
        String eventTimeField,
    @Prop(
            description = "How far behind the latest event time a record may arrive.",
            defaultValue = "5s")
        Duration maxOutOfOrderness,
    @Prop(
            description =
                "After how long without records a shard stops holding back the watermark;"
                    + " unset means never.")
        Duration idleTimeout,
    @Prop(description = "How often to look for new shards.", defaultValue = "10s")
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

  /** Where a new job starts reading. */
  public enum StartFrom {
    LATEST,
    TRIM_HORIZON,
    AT_TIMESTAMP
  }
}

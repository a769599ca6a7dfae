package dev.flow.connectors.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.connectors.EventTime;
import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.kinesis.AwsAccess.Credentials;
import dev.flow.connectors.kinesis.KinesisTriggerOptions.StartFrom;
import dev.flow.connectors.testing.RecordingValidationContext;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class KinesisOptionsTest {

  static KinesisTriggerOptions trigger(
      String stream,
      String region,
      StartFrom from,
      String ts,
      Credentials c,
      String key,
      String endpoint) {
    return new KinesisTriggerOptions(
        stream,
        new AwsAccess(region, endpoint, c, key, key == null ? null : "secret"),
        from,
        ts == null
            ? null
            : (ts.contains("T") ? Instant.parse(ts) : Instant.ofEpochMilli(Long.parseLong(ts))),
        PayloadFormat.JSON,
        null,
        new EventTime(null, null, null),
        Duration.ofMillis(500),
        Map.of("aws.http-client.read-timeout", "5000"),
        Duration.ofSeconds(10));
  }

  private static List<String> validate(KinesisTriggerOptions o) {
    RecordingValidationContext ctx = new RecordingValidationContext();
    new KinesisTriggerFactory().validate(o, ctx);
    return ctx.problems();
  }

  @Test
  void triggerChecksStreamRegionCredentialsAndStart() {
    assertThat(validate(trigger("orders", "eu-west-1", null, null, null, null, null))).isEmpty();
    assertThat(
            validate(
                trigger(
                    "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)))
        .isEmpty();
    assertThat(validate(trigger("orders", null, null, null, null, null, null)))
        .containsExactly("error region: set region, or give the stream as an ARN");
    assertThat(validate(trigger("arn:aws:s3:::bucket", null, null, null, null, null, null)))
        .containsExactly(
            "error stream: 'arn:aws:s3:::bucket' is not a stream ARN such as"
                + " arn:aws:kinesis:us-east-1:123456789012:stream/orders");
    assertThat(validate(trigger("o", "r", null, null, Credentials.BASIC, null, null)))
        .containsExactly(
            "error credentials: credentials: basic needs accessKeyId and" + " secretAccessKey");
    assertThat(validate(trigger("o", "r", StartFrom.AT_TIMESTAMP, null, null, null, null)))
        .containsExactly("error startTimestamp: startFrom: at_timestamp needs startTimestamp");
    assertThat(validate(trigger("o", "r", null, null, null, null, "localhost:4567")))
        .containsExactly(
            "error endpoint: 'localhost:4567' is not a URL such as http://localhost:4567");
  }

  @Test
  void sourceConfigCarriesRegionEndpointCredentialsAndStart() {
    KinesisTriggerOptions o =
        trigger(
            "orders",
            "eu-west-1",
            StartFrom.AT_TIMESTAMP,
            "2024-05-01T10:00:00Z",
            Credentials.BASIC,
            "AKID",
            "http://localhost:4567");
    Configuration c = KinesisTriggerFactory.sourceConfig(o, KinesisTriggerFactory.access(o));
    assertThat(c.toMap())
        .containsEntry("aws.region", "eu-west-1")
        .containsEntry("aws.endpoint", "http://localhost:4567")
        .containsEntry("aws.http.protocol.version", "HTTP1_1")
        .containsEntry("aws.credentials.provider", "BASIC")
        .containsEntry("aws.credentials.provider.basic.accesskeyid", "AKID")
        .containsEntry("aws.credentials.provider.basic.secretkey", "secret")
        .containsEntry("flink.stream.initpos", "AT_TIMESTAMP")
        .containsEntry("flink.stream.initpos.timestamp", "2024-05-01T10:00:00.000Z")
        .containsEntry("flink.shard.discovery.intervalmillis", "500")
        .containsEntry("aws.http-client.read-timeout", "5000");
    KinesisTriggerOptions arn =
        trigger("arn:aws:kinesis:ap-south-1:1:stream/x", null, null, null, null, null, null);
    assertThat(KinesisTriggerFactory.sourceConfig(arn, KinesisTriggerFactory.access(arn)).toMap())
        .containsEntry("aws.region", "ap-south-1")
        .containsEntry("aws.credentials.provider", "AUTO")
        .containsEntry("flink.stream.initpos", "LATEST");
  }

  @Test
  void partitionKeysComeFromTheFieldElseTheRunIdAndFitKinesis() {
    KinesisPartitionKey key = new KinesisPartitionKey(FieldPath.parse("customer.id"));
    assertThat(key.apply(json("{\"customer\":{\"id\":42}}").runId("r-1"))).isEqualTo("42");
    assertThat(key.apply(json("{\"customer\":{}}").runId("r-1"))).isEqualTo("r-1");
    assertThat(key.apply(json("{\"customer\":{\"id\":\"" + "x".repeat(300) + "\"}}"))).hasSize(256);
  }

  private static FlowRecord json(String s) {
    return FlowRecord.parseJson(s.getBytes(StandardCharsets.UTF_8));
  }
}

package dev.flow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.connectors.ConnectorException;
import dev.flow.connectors.EventTime;
import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.Route;
import dev.flow.connectors.kafka.KafkaPublisherOptions.Delivery;
import dev.flow.connectors.kafka.KafkaTriggerOptions.Fallback;
import dev.flow.connectors.kafka.KafkaTriggerOptions.StartFrom;
import dev.flow.connectors.testing.RecordingValidationContext;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.StageContext;
import dev.flow.testing.StageHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

class KafkaOptionsTest {

  static KafkaTriggerOptions trigger(
      List<String> topics, String pattern, StartFrom from, String ts, PayloadFormat f, String et) {
    return new KafkaTriggerOptions(
        "localhost:9092",
        topics,
        pattern == null ? null : Pattern.compile(pattern),
        null,
        from,
        Fallback.EARLIEST,
        ts == null
            ? null
            : (ts.contains("T") ? Instant.parse(ts) : Instant.ofEpochMilli(Long.parseLong(ts))),
        f,
        FieldPath.parse("value"),
        new EventTime(et == null ? null : FieldPath.parse(et), Duration.ofSeconds(5), null),
        false,
        null,
        Duration.ofSeconds(10));
  }

  static KafkaPublisherOptions publisher(
      String topic,
      String topicField,
      String keyField,
      Delivery d,
      Duration txTimeout,
      Map<String, String> props) {
    return new KafkaPublisherOptions(
        "localhost:9092",
        topic,
        topicField == null ? null : FieldPath.parse(topicField),
        null,
        keyField == null ? null : FieldPath.parse(keyField),
        null,
        null,
        d,
        null,
        txTimeout,
        props,
        Duration.ofSeconds(10));
  }

  private static List<String> validate(KafkaTriggerOptions o) {
    RecordingValidationContext ctx = new RecordingValidationContext();
    new KafkaTriggerFactory().validate(o, ctx);
    return ctx.problems();
  }

  @Test
  void aValidTriggerHasNoProblems() {
    assertThat(
            validate(
                trigger(List.of("a"), null, StartFrom.COMMITTED, null, PayloadFormat.JSON, "ts")))
        .isEmpty();
  }

  @Test
  void triggerChecksTopicsPatternTimestampsAndFields() {
    assertThat(validate(trigger(null, null, null, null, null, null)))
        .containsExactly("error null: set either topics or topicPattern, not both");
    assertThat(validate(trigger(List.of("a"), "b.*", null, null, null, null)))
        .containsExactly("error topicPattern: set either topics or topicPattern, not both");
    assertThat(validate(trigger(List.of("a"), null, StartFrom.TIMESTAMP, null, null, null)))
        .containsExactly("error startTimestamp: startFrom: timestamp needs startTimestamp");
    assertThat(validate(trigger(List.of("a"), null, StartFrom.LATEST, "1", null, null)))
        .containsExactly(
            "warning startTimestamp: startTimestamp is used only with startFrom: timestamp");
    assertThat(validate(trigger(List.of("a"), null, null, null, PayloadFormat.STRING, "ts")))
        .containsExactly("error eventTimeField: eventTimeField needs format: json");
  }

  @Test
  void triggerRejectsPropertiesThatPropsOwn() {
    KafkaTriggerOptions o =
        new KafkaTriggerOptions(
            "h:1",
            List.of("a"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new EventTime(null, null, null),
            false,
            Map.of("group.id", "x", "security.protocol", "SSL"),
            null);
    assertThat(validate(o))
        .containsExactly("error properties: 'group.id' is set by the prop groupId, not here");
  }

  @Test
  void startPositions() {
    assertThat(
            KafkaTriggerFactory.offsets(trigger(List.of("a"), null, null, null, null, null))
                .getAutoOffsetResetStrategy())
        .isEqualTo(OffsetResetStrategy.EARLIEST);
    assertThat(
            KafkaTriggerFactory.offsets(
                    trigger(List.of("a"), null, StartFrom.LATEST, null, null, null))
                .getAutoOffsetResetStrategy())
        .isEqualTo(OffsetResetStrategy.LATEST);
    assertThat(KafkaTriggerFactory.defaultGroupId("Order Sync", "read orders!"))
        .isEqualTo("flow-order-sync-read-orders");
  }

  private static List<String> validate(KafkaPublisherOptions o, FlowSettings settings) {
    RecordingValidationContext ctx = new RecordingValidationContext(settings);
    new KafkaPublisherFactory().validate(o, ctx);
    return ctx.problems();
  }

  @Test
  void publisherChecksTopicKeyAndTransactions() {
    FlowSettings d = FlowSettings.defaults();
    assertThat(validate(publisher("out", null, "id", null, null, null), d)).isEmpty();
    assertThat(validate(publisher(null, null, null, null, null, null), d))
        .containsExactly("error topic: set topic, topicField or topicExpression");
    assertThat(validate(publisher("out", "t", null, null, null, null), d))
        .containsExactly("error null: set only one of topic, topicField and topicExpression");
    assertThat(validate(publisher("out", null, null, null, Duration.ofMinutes(20), null), d))
        .containsExactly(
            "warning transactionTimeout: brokers refuse transactions longer than"
                + " transaction.max.timeout.ms, 15 minutes by default");
    assertThat(
            validate(
                publisher("out", null, null, Delivery.EXACTLY_ONCE, Duration.ofSeconds(5), null),
                d))
        .containsExactly(
            "error transactionTimeout: must be longer than the checkpoint interval (10000 ms),"
                + " or transactions time out before they are committed");
    assertThat(
            validate(publisher("out", null, null, null, null, Map.of("transactional.id", "x")), d))
        .containsExactly(
            "error properties: 'transactional.id' is set by the prop transactionalIdPrefix,"
                + " not here");
    FlowSettings off =
        new FlowSettings(
            1,
            128,
            new FlowSettings.Checkpointing(
                FlowSettings.Toggle.OFF,
                Duration.ofSeconds(10),
                FlowSettings.Checkpointing.Mode.EXACTLY_ONCE,
                Duration.ofMinutes(10),
                null,
                null,
                true),
            FlowSettings.Restart.defaults(),
            FlowSettings.StateBackend.HASHMAP,
            FlowSettings.Errors.defaults());
    assertThat(validate(publisher("out", null, null, Delivery.EXACTLY_ONCE, null, null), off))
        .containsExactly(
            "error delivery: exactly-once needs checkpointing: nothing would ever be committed"
                + " with settings.checkpointing.enabled off");
  }

  @Test
  void deliveryDefaultsFollowCheckpointing() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StageHarness unboundedHarness = new StageHarness(env, "f", FlowSettings.defaults(), false);
    StageContext unbounded = unboundedHarness.context("out", new KafkaPublisherFactory(), 1);
    StageHarness boundedHarness = new StageHarness(env, "f", FlowSettings.defaults(), true);
    StageContext bounded = boundedHarness.context("out", new KafkaPublisherFactory(), 1);
    assertThat(
            KafkaPublisherFactory.guarantee(
                publisher("o", null, null, null, null, null), unbounded))
        .isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
    assertThat(
            KafkaPublisherFactory.guarantee(publisher("o", null, null, null, null, null), bounded))
        .isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
    assertThat(
            KafkaPublisherFactory.guarantee(
                publisher("o", null, null, Delivery.NONE, null, null), unbounded))
        .isEqualTo(DeliveryGuarantee.NONE);
    assertThatThrownBy(
            () ->
                KafkaPublisherFactory.guarantee(
                    publisher("o", null, null, Delivery.EXACTLY_ONCE, null, null), bounded))
        .isInstanceOf(ConnectorException.class)
        .hasMessage(
            "stage \"out\" (Kafka Publisher): delivery exactly-once needs checkpointing, which is"
                + " off for this flow");
  }

  @Test
  void aMissingTopicFieldIsARecordErrorNotAJobFailure() {
    Route route = new Route("topic", FieldPath.parse("dest"), null, null);
    FlowRecord r = FlowRecord.parseJson("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> route.process(r, KafkaCodecTest.collector(new ArrayList<>())))
        .hasMessage("the field 'dest' that names the topic is missing or empty");
  }

  @Test
  void eventTimeComesFromTheFieldElseTheKafkaTimestamp() {
    var strategy =
        KafkaTriggerFactory.watermarks(
            trigger(List.of("a"), null, null, null, PayloadFormat.JSON, "at"));
    var assigner = strategy.createTimestampAssigner(null);
    FlowRecord withTime = FlowRecord.parseJson("{\"at\":5}".getBytes(StandardCharsets.UTF_8));
    withTime.eventTime(5L);
    FlowRecord without = FlowRecord.parseJson("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(assigner.extractTimestamp(withTime, 99L)).isEqualTo(5L);
    assertThat(assigner.extractTimestamp(without, 99L)).isEqualTo(99L);
    assertThat(
            KafkaTriggerFactory.watermarks(trigger(List.of("a"), null, null, null, null, null))
                .createWatermarkGenerator(null))
        .isInstanceOf(org.apache.flink.api.common.eventtime.NoWatermarksGenerator.class);
    assertThat(strategy.createWatermarkGenerator(null))
        .isInstanceOf(org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks.class);
  }

  @Test
  void thePublishersProducerBatchesByDefaultAndTheUsersPropertiesWin() {
    Properties byDefault =
        KafkaPublisherFactory.producerProperties(publisher("out", null, null, null, null, null));
    assertThat(byDefault.getProperty("linger.ms")).isEqualTo("5");
    assertThat(byDefault.getProperty("batch.size")).isEqualTo("262144");
    assertThat(byDefault.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");

    Properties set =
        KafkaPublisherFactory.producerProperties(
            publisher(
                "out", null, null, null, null, Map.of("linger.ms", "0", "batch.size", "16384")));
    assertThat(set.getProperty("linger.ms")).isEqualTo("0");
    assertThat(set.getProperty("batch.size")).isEqualTo("16384");
  }
}

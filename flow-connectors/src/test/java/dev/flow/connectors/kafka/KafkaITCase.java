package dev.flow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.connectors.ConnectorException;
import dev.flow.connectors.EventTime;
import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.kafka.KafkaPublisherOptions.Delivery;
import dev.flow.connectors.kafka.KafkaTriggerOptions.StartFrom;
import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.StageContext;
import dev.flow.spi.TriggerContext;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.StageHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kafka trigger and publisher against a real broker on a MiniCluster. */
class KafkaITCase {

  @RegisterExtension
  @Order(1)
  static final KafkaBroker KAFKA = new KafkaBroker();

  @RegisterExtension
  @Order(2)
  static final MiniClusterExtension FLINK = FlowMiniCluster.extension();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static StreamExecutionEnvironment env() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.getConfig().disableGenericTypes();
    env.getConfig().enableObjectReuse();
    env.setParallelism(1);
    return env;
  }

  static KafkaTriggerOptions read(String servers, List<String> topics, PayloadFormat format) {
    return new KafkaTriggerOptions(
        servers,
        topics,
        null,
        null,
        StartFrom.EARLIEST,
        null,
        null,
        format,
        FieldPath.parse("text"),
        new EventTime(null, null, null),
        true,
        null,
        Duration.ofSeconds(5));
  }

  @Test
  void triggerReadsJsonWithMetadataAndSendsNonJsonToTheErrorStage() throws Exception {
    KAFKA.createTopic("t-json", 1);
    try (KafkaProducer<byte[], byte[]> p = KAFKA.producer()) {
      RecordHeaders h = new RecordHeaders();
      h.add("trace", utf8("t-1"));
      p.send(new ProducerRecord<>("t-json", 0, 1000L, utf8("k1"), utf8("{\"id\":1}"), h));
      p.send(new ProducerRecord<>("t-json", 0, 2000L, null, utf8("oops, not json")));
      p.send(new ProducerRecord<>("t-json", 0, 3000L, utf8("k3"), utf8("{\"id\":3}")));
      p.flush();
    }
    StreamExecutionEnvironment env = env();
    StageHarness h = new StageHarness(env, "Orders", FlowSettings.defaults(), true);
    TriggerContext ctx = h.triggerContext("read", new KafkaTriggerFactory(), 1);
    DataStream<FlowRecord> out =
        h.trigger(
            ctx,
            new KafkaTriggerFactory(),
            read(KAFKA.bootstrapServers(), List.of("t-json"), PayloadFormat.JSON));
    out.sinkTo(new CollectSink("json-out"));
    h.errors().sinkTo(new CollectSink("json-err"));
    env.execute("kafka trigger");

    List<FlowRecord> got = CollectSink.received("json-out");
    assertThat(got).extracting(FlowRecord::toJson).containsExactly("{\"id\":1}", "{\"id\":3}");
    assertThat(got).extracting(FlowRecord::runId).containsExactly("t-json-0-0", "t-json-0-2");
    assertThat(got.get(0).meta().toString())
        .isEqualTo(
            "{\"topic\":\"t-json\",\"partition\":0,\"offset\":0,\"timestamp\":1000,"
                + "\"key\":\"k1\",\"headers\":{\"trace\":\"t-1\"}}");
    List<FlowRecord> errors = CollectSink.received("json-err");
    assertThat(errors).hasSize(1);
    FlowRecord e = errors.get(0);
    assertThat(e.get("record").textValue()).isEqualTo("oops, not json");
    assertThat(e.get("recordEncoding").textValue()).isEqualTo("utf8");
    assertThat(e.get("runId").textValue()).isEqualTo("t-json-0-1");
    assertThat(e.get("stage").textValue()).isEqualTo("read");
    assertThat(e.get("error").textValue()).isEqualTo(checkMessage("oops, not json"));
  }

  @Test
  void errorRecordsHoldTheMessageBytesExactlyAndTheirTopicPartitionAndOffset() throws Exception {
    KAFKA.createTopic("t-raw", 2);
    byte[] trailing = utf8("{\"id\":1} xyz");
    byte[] notUtf8 = {'{', '"', 'a', '"', ':', (byte) 0xff, (byte) 0xfe, '}'};
    byte[] huge = utf8("{\"amount\":1e400, \"id\": 7}");
    try (KafkaProducer<byte[], byte[]> p = KAFKA.producer()) {
      p.send(new ProducerRecord<>("t-raw", 1, null, utf8("{\"id\":0}")));
      p.send(new ProducerRecord<>("t-raw", 1, null, trailing));
      p.send(new ProducerRecord<>("t-raw", 0, null, notUtf8));
      p.send(new ProducerRecord<>("t-raw", 1, null, huge));
      p.flush();
    }
    StreamExecutionEnvironment env = env();
    StageHarness h = new StageHarness(env, "Raw", FlowSettings.defaults(), true);
    TriggerContext ctx = h.triggerContext("read", new KafkaTriggerFactory(), 1);
    DataStream<FlowRecord> out =
        h.trigger(
            ctx,
            new KafkaTriggerFactory(),
            read(KAFKA.bootstrapServers(), List.of("t-raw"), PayloadFormat.JSON));
    out.sinkTo(new CollectSink("raw-out"));
    h.errors().sinkTo(new CollectSink("raw-err"));
    env.execute("kafka raw errors");

    java.util.Map<String, FlowRecord> byRunId = new java.util.TreeMap<>();
    for (FlowRecord e : CollectSink.received("raw-err")) {
      byRunId.put(e.get("runId").textValue(), e);
    }
    assertThat(byRunId).containsOnlyKeys("t-raw-1-1", "t-raw-0-0");
    FlowRecord t = byRunId.get("t-raw-1-1");
    assertThat(t.get("record").textValue()).isEqualTo("{\"id\":1} xyz");
    assertThat(t.get("recordEncoding").textValue()).isEqualTo("utf8");
    assertThat(t.get("origin").toString())
        .isEqualTo("{\"topic\":\"t-raw\",\"partition\":1,\"offset\":1}");
    FlowRecord b = byRunId.get("t-raw-0-0");
    assertThat(java.util.Base64.getDecoder().decode(b.get("record").textValue()))
        .isEqualTo(notUtf8);
    assertThat(b.get("recordEncoding").textValue()).isEqualTo("base64");
    assertThat(b.get("origin").toString())
        .isEqualTo("{\"topic\":\"t-raw\",\"partition\":0,\"offset\":0}");
    // The message that parses keeps its bytes as they came: 1e400 is not turned into Infinity.
    FlowRecord ok =
        CollectSink.received("raw-out").stream()
            .filter(r -> "t-raw-1-2".equals(r.runId()))
            .findFirst()
            .orElseThrow();
    FlowRecord failed =
        new dev.flow.spi.ErrorRecordFactory(
                "Raw", "check", "Map", dev.flow.spi.ErrorPolicy.ORIGINAL_RECORD)
            .create(ok, "amount is out of range");
    assertThat(failed.get("record").textValue())
        .isEqualTo(new String(huge, StandardCharsets.UTF_8));
    assertThat(failed.get("recordEncoding").textValue()).isEqualTo("utf8");
    assertThat(failed.get("origin").toString())
        .isEqualTo("{\"topic\":\"t-raw\",\"partition\":1,\"offset\":2}");
  }

  @Test
  void triggerWrapsStringsIntoAFieldAndCommitsGroupOffsets() throws Exception {
    KAFKA.createTopic("t-text", 2);
    KAFKA.produce("t-text", List.of("alpha", "beta", "gamma"));
    StreamExecutionEnvironment env = env();
    env.enableCheckpointing(200);
    StageHarness h = new StageHarness(env, "Text Flow", FlowSettings.defaults(), true);
    TriggerContext ctx = h.triggerContext("lines", new KafkaTriggerFactory(), 1);
    h.trigger(
            ctx,
            new KafkaTriggerFactory(),
            read(KAFKA.bootstrapServers(), List.of("t-text"), PayloadFormat.STRING))
        .sinkTo(new CollectSink("text-out"));
    env.execute("kafka text");
    assertThat(CollectSink.received("text-out"))
        .extracting(FlowRecord::toJson)
        .containsExactlyInAnyOrder(
            "{\"text\":\"alpha\"}", "{\"text\":\"beta\"}", "{\"text\":\"gamma\"}");
  }

  @Test
  void publisherWritesExactlyOnceWithKeysHeadersAndPerRecordTopics() throws Exception {
    KAFKA.createTopic("p-de", 1);
    KAFKA.createTopic("p-fr", 1);
    StreamExecutionEnvironment env = env();
    env.enableCheckpointing(300);
    DataStream<FlowRecord> in =
        env.fromData(
            FlowRecordTypeInfo.INSTANCE,
            FlowRecord.parseJson(utf8("{\"id\":1,\"country\":\"p-de\",\"trace\":\"a\"}")),
            FlowRecord.parseJson(utf8("{\"id\":2,\"country\":\"p-fr\"}")),
            FlowRecord.parseJson(utf8("{\"id\":3}")),
            FlowRecord.parseJson(utf8("{\"id\":4,\"country\":\"p-de\",\"trace\":\"d\"}")));
    StageHarness h = new StageHarness(env, "Orders", FlowSettings.defaults(), true);
    StageContext ctx = h.context("write", new KafkaPublisherFactory(), 1);
    KafkaPublisherOptions o =
        new KafkaPublisherOptions(
            KAFKA.bootstrapServers(),
            null,
            FieldPath.parse("country"),
            null,
            FieldPath.parse("id"),
            null,
            Map.of("trace", FieldPath.parse("trace")),
            null,
            null,
            null,
            null,
            Duration.ofSeconds(5));
    assertThat(KafkaPublisherFactory.guarantee(o, ctx))
        .isEqualTo(org.apache.flink.connector.base.DeliveryGuarantee.EXACTLY_ONCE);
    new KafkaPublisherFactory().publish(in, o, ctx);
    h.errors().sinkTo(new CollectSink("pub-err"));
    env.execute("kafka publisher");

    List<ConsumerRecord<byte[], byte[]>> de =
        KAFKA.readCommitted("p-de", 2, Duration.ofSeconds(20));
    assertThat(de.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)))
        .containsExactly(
            "{\"id\":1,\"country\":\"p-de\",\"trace\":\"a\"}",
            "{\"id\":4,\"country\":\"p-de\",\"trace\":\"d\"}");
    assertThat(de.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)))
        .containsExactly("1", "4");
    assertThat(
            de.stream()
                .map(
                    r ->
                        new String(
                            r.headers().lastHeader("trace").value(), StandardCharsets.UTF_8)))
        .containsExactly("a", "d");
    assertThat(KAFKA.readCommittedValues("p-fr", 1, Duration.ofSeconds(10)))
        .containsExactly("{\"id\":2,\"country\":\"p-fr\"}");
    List<FlowRecord> errors = CollectSink.received("pub-err");
    assertThat(errors)
        .extracting(r -> r.get("error").textValue())
        .containsExactly("the field 'country' that names the topic is missing or empty");
    assertThat(errors.get(0).get("record").toString()).isEqualTo("{\"id\":3}");
  }

  @Test
  void anUnreachableBrokerGivesAClearMessageNamingStageAndServers() {
    StreamExecutionEnvironment env = env();
    StageHarness h = new StageHarness(env, "Orders", FlowSettings.defaults(), false);
    TriggerContext ctx = h.triggerContext("read orders", new KafkaTriggerFactory(), 1);
    KafkaTriggerOptions o =
        new KafkaTriggerOptions(
            "localhost:1",
            List.of("x"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new EventTime(null, null, null),
            false,
            null,
            Duration.ofSeconds(2));
    assertThatThrownBy(() -> h.trigger(ctx, new KafkaTriggerFactory(), o))
        .isInstanceOf(ConnectorException.class)
        .hasMessage(
            "stage \"read orders\" (Kafka Trigger): cannot reach Kafka at localhost:1 within 2000"
                + " ms; check bootstrapServers and that the brokers are running");
    KafkaPublisherOptions p =
        new KafkaPublisherOptions(
            "nowhere.invalid:9092",
            "t",
            null,
            null,
            null,
            null,
            null,
            Delivery.AT_LEAST_ONCE,
            null,
            null,
            null,
            Duration.ofSeconds(2));
    assertThatThrownBy(
            () ->
                new KafkaPublisherFactory()
                    .publish(
                        env.fromData(FlowRecordTypeInfo.INSTANCE, FlowRecord.empty()),
                        p,
                        h.context("out", new KafkaPublisherFactory(), 1)))
        .isInstanceOf(ConnectorException.class)
        .hasMessage(
            "stage \"out\" (Kafka Publisher): cannot connect to Kafka at nowhere.invalid:9092:"
                + " No resolvable bootstrap urls given in bootstrap.servers");
  }

  @Test
  void aMissingTopicIsNamed() {
    StageHarness h = new StageHarness(env(), "Orders", FlowSettings.defaults(), false);
    TriggerContext ctx = h.triggerContext("read", new KafkaTriggerFactory(), 1);
    assertThatThrownBy(
            () ->
                h.trigger(
                    ctx,
                    new KafkaTriggerFactory(),
                    read(KAFKA.bootstrapServers(), List.of("no-such-topic"), PayloadFormat.JSON)))
        .hasMessage(
            "stage \"read\" (Kafka Trigger): topic no-such-topic does not exist on Kafka at "
                + KAFKA.bootstrapServers());
  }

  static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }

  /** The message of the framework's JSON check for these bytes. */
  static String checkMessage(String raw) {
    try {
      FlowRecord.ofJsonBytes(raw.getBytes(StandardCharsets.UTF_8)).validate();
      throw new AssertionError("'" + raw + "' passed the JSON check");
    } catch (dev.flow.record.InvalidRecordException e) {
      return e.getMessage();
    }
  }
}

package dev.flow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.RecordDecoder;
import dev.flow.connectors.Route;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaCodecTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decoderPutsKafkaMetadataAndADeterministicRunId() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", utf8("t-1"));
    headers.add("tag", utf8("a"));
    headers.add("tag", utf8("b"));
    ConsumerRecord<byte[], byte[]> msg =
        new ConsumerRecord<>(
            "orders",
            3,
            42L,
            1714557600000L,
            TimestampType.CREATE_TIME,
            3,
            7,
            utf8("k-1"),
            utf8("{\"id\":1}"),
            headers,
            Optional.empty());
    List<FlowRecord> out = new ArrayList<>();
    new KafkaMessageDecoder(new RecordDecoder(PayloadFormat.JSON, null, null))
        .deserialize(msg, collector(out));
    FlowRecord r = out.get(0);
    assertThat(r.runId()).isEqualTo("orders-3-42");
    assertThat(r.toJson()).isEqualTo("{\"id\":1}");
    assertThat(r.meta().toString())
        .isEqualTo(
            "{\"topic\":\"orders\",\"partition\":3,\"offset\":42,\"timestamp\":1714557600000,"
                + "\"key\":\"k-1\",\"headers\":{\"trace\":\"t-1\",\"tag\":[\"a\",\"b\"]}}");
  }

  @Test
  void encoderWritesTopicKeyHeadersAndEventTime() {
    Map<String, FieldPath> headers = new LinkedHashMap<>();
    headers.put("trace", FieldPath.parse("trace.id"));
    headers.put("absent", FieldPath.parse("nope"));
    KafkaMessageEncoder enc = new KafkaMessageEncoder("out", FieldPath.parse("customer"), headers);
    FlowRecord r =
        FlowRecord.parseJson(utf8("{\"customer\":17,\"trace\":{\"id\":\"t-9\"}}")).eventTime(5L);
    ProducerRecord<byte[], byte[]> m = enc.serialize(r, null, null);
    assertThat(m.topic()).isEqualTo("out");
    assertThat(new String(m.key(), StandardCharsets.UTF_8)).isEqualTo("17");
    assertThat(new String(m.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"customer\":17,\"trace\":{\"id\":\"t-9\"}}");
    assertThat(m.timestamp()).isEqualTo(5L);
    Header[] hs = m.headers().toArray();
    assertThat(hs).hasSize(1);
    assertThat(hs[0].key()).isEqualTo("trace");
    assertThat(new String(hs[0].value(), StandardCharsets.UTF_8)).isEqualTo("t-9");
  }

  @Test
  void encoderUsesTheRouteWhenOneWasComputed() throws Exception {
    KafkaMessageEncoder enc = new KafkaMessageEncoder(null, null, Map.of());
    FlowRecord r = FlowRecord.parseJson(utf8("{\"country\":\"de\"}"));
    new Route("topic", FieldPath.parse("country"), null, null)
        .process(r, collector(new ArrayList<>()));
    ProducerRecord<byte[], byte[]> m = enc.serialize(r, null, null);
    assertThat(m.topic()).isEqualTo("de");
    assertThat(m.key()).isNull();
    assertThat(m.timestamp()).isNull();
  }

  @Test
  void theMetadataAndRunIdAreBuiltOnlyWhenAStageReadsThem() {
    ConsumerRecord<byte[], byte[]> msg =
        new ConsumerRecord<>("orders", 0, 9L, utf8("k"), utf8("{\"id\":1,\"x\":2}"));
    List<FlowRecord> out = new ArrayList<>();
    new KafkaMessageDecoder(new RecordDecoder(PayloadFormat.JSON, null, null))
        .deserialize(msg, collector(out));
    FlowRecord r = out.get(0);
    assertThat(r.builtMeta()).isNull();
    assertThat(r.hasRunId()).isTrue();
    ProducerRecord<byte[], byte[]> m =
        new KafkaMessageEncoder("out", FieldPath.parse("id"), Map.of()).serialize(r, null, null);
    assertThat(new String(m.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1,\"x\":2}");
    assertThat(r.builtMeta()).isNull();
    assertThat(r.meta().toString())
        .isEqualTo(
            "{\"topic\":\"orders\",\"partition\":0,\"offset\":9,\"timestamp\":-1,\"key\":\"k\"}");
    assertThat(r.runId()).isEqualTo("orders-0-9");
  }

  @Test
  void aTombstoneKeepsItsMarkFirstInTheMetadata() {
    ConsumerRecord<byte[], byte[]> msg = new ConsumerRecord<>("orders", 1, 5L, utf8("k"), null);
    List<FlowRecord> out = new ArrayList<>();
    new KafkaMessageDecoder(new RecordDecoder(PayloadFormat.JSON, null, null))
        .deserialize(msg, collector(out));
    FlowRecord r = out.get(0);
    assertThat(r.runId()).isEqualTo("orders-1-5");
    assertThat(r.toJson()).isEqualTo("{}");
    assertThat(r.meta().toString())
        .isEqualTo(
            "{\"tombstone\":true,\"topic\":\"orders\",\"partition\":1,\"offset\":5,"
                + "\"timestamp\":-1,\"key\":\"k\"}");
  }

  static Collector<FlowRecord> collector(List<FlowRecord> out) {
    return new Collector<>() {
      @Override
      public void collect(FlowRecord record) {
        out.add(record);
      }

      @Override
      public void close() {}
    };
  }
}

package dev.flow.connectors.kafka;

import dev.flow.connectors.Route;
import dev.flow.connectors.Text;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns a record into a Kafka message: the payload's JSON bytes as the value, the topic and key as
 * {@link Route} computed them or from fixed settings and fields, headers from fields, and the
 * record's event time, when it has one, as the message timestamp.
 */
final class KafkaMessageEncoder implements KafkaRecordSerializationSchema<FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final FieldPath keyField;
  private final LinkedHashMap<String, FieldPath> headers;

  /**
   * @param topic the fixed topic, or null when {@link Route} computes it
   * @param keyField the field holding the key, or null
   * @param headers header names mapped to the fields they carry
   */
  KafkaMessageEncoder(String topic, FieldPath keyField, Map<String, FieldPath> headers) {
    this.topic = topic;
    this.keyField = keyField;
    this.headers = new LinkedHashMap<>(headers);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      FlowRecord r, KafkaSinkContext context, Long timestamp) {
    String t = Route.target(r, topic);
    String key = Route.key(r);
    if (key == null && keyField != null) {
      key = Text.of(r.get(keyField));
    }
    RecordHeaders h = null;
    if (!headers.isEmpty()) {
      h = new RecordHeaders();
      for (Map.Entry<String, FieldPath> e : headers.entrySet()) {
        String v = Text.of(r.get(e.getValue()));
        if (v != null) {
          h.add(e.getKey(), v.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    Long ts = r.eventTime() != FlowRecord.NO_TIME ? Long.valueOf(r.eventTime()) : null;
    return new ProducerRecord<>(
        t, null, ts, key == null ? null : key.getBytes(StandardCharsets.UTF_8), r.toJsonBytes(), h);
  }
}

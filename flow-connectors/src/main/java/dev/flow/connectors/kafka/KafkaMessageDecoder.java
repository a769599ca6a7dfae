package dev.flow.connectors.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.connectors.RecordDecoder;
import dev.flow.connectors.Text;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a Kafka message into a record: the payload by the trigger's format, the key, headers,
 * topic, partition, offset and timestamp into the metadata, and a run id made of topic, partition
 * and offset, so a message read again after a restart gets the same run id.
 */
final class KafkaMessageDecoder implements KafkaRecordDeserializationSchema<FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final RecordDecoder decoder;

  KafkaMessageDecoder(RecordDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> msg, Collector<FlowRecord> out) {
    FlowRecord r = decoder.decode(msg.value());
    r.runId(msg.topic() + "-" + msg.partition() + "-" + msg.offset());
    r.triggerTime(System.currentTimeMillis());
    ObjectNode meta = r.metaForWrite();
    meta.put("topic", msg.topic());
    meta.put("partition", msg.partition());
    meta.put("offset", msg.offset());
    meta.put("timestamp", msg.timestamp());
    if (msg.key() != null) {
      RecordDecoder.putBytes(meta, "key", msg.key());
    }
    if (msg.headers() != null) {
      ObjectNode headers = null;
      for (Header h : msg.headers()) {
        if (headers == null) {
          headers = meta.putObject("headers");
        }
        addHeader(headers, h);
      }
    }
    out.collect(r);
  }

  /** A header name seen once maps to its text; seen again, to an array of its values. */
  private static void addHeader(ObjectNode headers, Header h) {
    String value = h.value() == null ? null : Text.utf8OrNull(h.value());
    if (h.value() != null && value == null) {
      value = java.util.Base64.getEncoder().encodeToString(h.value());
    }
    JsonNode prev = headers.get(h.key());
    if (prev == null) {
      headers.put(h.key(), value);
    } else if (prev.isArray()) {
      ((ArrayNode) prev).add(value);
    } else {
      ArrayNode values = headers.putArray(h.key());
      values.add(prev);
      values.add(value);
    }
  }

  @Override
  public TypeInformation<FlowRecord> getProducedType() {
    return FlowRecordTypeInfo.INSTANCE;
  }
}

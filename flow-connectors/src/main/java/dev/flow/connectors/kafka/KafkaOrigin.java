package dev.flow.connectors.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.connectors.RecordDecoder;
import dev.flow.connectors.Text;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The run id and metadata of a record read from Kafka, built from the message only when a stage
 * reads them: the run id is topic, partition and offset, so a message read again after a restart
 * gets the same run id; the metadata holds the topic, partition, offset, timestamp, key and
 * headers.
 */
final class KafkaOrigin implements FlowRecord.Origin {
  private final ConsumerRecord<byte[], byte[]> msg;

  KafkaOrigin(ConsumerRecord<byte[], byte[]> msg) {
    this.msg = msg;
  }

  @Override
  public String runId() {
    return msg.topic() + "-" + msg.partition() + "-" + msg.offset();
  }

  @Override
  public ObjectNode meta() {
    ObjectNode meta = Json.NODES.objectNode();
    putInto(meta, msg);
    return meta;
  }

  /** Puts the message's topic, partition, offset, timestamp, key and headers into {@code meta}. */
  static void putInto(ObjectNode meta, ConsumerRecord<byte[], byte[]> msg) {
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
}

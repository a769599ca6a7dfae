package dev.flow.connectors.kafka;

import dev.flow.connectors.RecordDecoder;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka message into a record: the payload by the trigger's format, the key, headers,
 * topic, partition, offset and timestamp into the metadata, and a run id made of topic, partition
 * and offset, so a message read again after a restart gets the same run id. The metadata and run id
 * are built when a stage first reads them ({@link KafkaOrigin}).
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
    r.triggerTime(System.currentTimeMillis());
    if (r.builtMeta() == null) {
      r.origin(new KafkaOrigin(msg));
    } else {
      // A tombstone: the decoder has put its mark first.
      r.runId(new KafkaOrigin(msg).runId());
      KafkaOrigin.putInto(r.builtMeta(), msg);
    }
    out.collect(r);
  }

  @Override
  public TypeInformation<FlowRecord> getProducedType() {
    return FlowRecordTypeInfo.INSTANCE;
  }
}

package dev.flow.connectors.kinesis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.connectors.RecordDecoder;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kinesis.source.serialization.KinesisDeserializationSchema;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.Record;
import org.apache.flink.util.Collector;

/**
 * Turns a Kinesis record into a record: the payload by the trigger's format; the stream, shard,
 * sequence number, partition key and arrival time into the metadata; and a run id made of shard and
 * sequence number, so a record read again after a restart gets the same run id.
 */
final class KinesisRecordDecoder implements KinesisDeserializationSchema<FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final RecordDecoder decoder;

  KinesisRecordDecoder(RecordDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public void deserialize(Record rec, String stream, String shardId, Collector<FlowRecord> out) {
    FlowRecord r = decoder.decode(rec.data() == null ? null : rec.data().asByteArrayUnsafe());
    r.runId(shardId + "-" + rec.sequenceNumber());
    r.triggerTime(System.currentTimeMillis());
    ObjectNode meta = r.metaForWrite();
    meta.put("stream", stream);
    meta.put("shardId", shardId);
    meta.put("sequenceNumber", rec.sequenceNumber());
    meta.put("partitionKey", rec.partitionKey());
    if (rec.approximateArrivalTimestamp() != null) {
      meta.put("arrivalTime", rec.approximateArrivalTimestamp().toEpochMilli());
    }
    out.collect(r);
  }

  @Override
  public TypeInformation<FlowRecord> getProducedType() {
    return FlowRecordTypeInfo.INSTANCE;
  }
}

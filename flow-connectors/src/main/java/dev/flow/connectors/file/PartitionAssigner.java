package dev.flow.connectors.file;

import dev.flow.record.FlowRecord;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Puts each record in the directory its {@link PartitionTemplate} renders. */
final class PartitionAssigner implements BucketAssigner<FlowRecord, String> {
  private static final long serialVersionUID = 1L;

  private final PartitionTemplate template;

  PartitionAssigner(PartitionTemplate template) {
    this.template = template;
  }

  @Override
  public String getBucketId(FlowRecord record, Context context) {
    return template.render(record, context.currentProcessingTime());
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "PartitionAssigner{" + template + "}";
  }
}

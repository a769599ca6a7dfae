package dev.flow.bench.s5;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.bench.Variant;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.s1.RemapFilter;
import dev.flow.connectors.testing.KafkaBroker;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * S5 hand-written: {@code KafkaSource} (read_committed, bounded at the offsets latest at start) → a
 * Jackson map doing S1's remap → {@code KafkaSink} with {@code EXACTLY_ONCE}, parallelism 1,
 * checkpointing every {@link KafkaRun#CHECKPOINT_INTERVAL}.
 */
final class HandwrittenKafka implements Variant {
  private final KafkaBroker kafka;
  private final String input;
  private final long events;

  HandwrittenKafka(KafkaBroker kafka, String input, long events) {
    this.kafka = kafka;
    this.input = input;
    this.events = events;
  }

  @Override
  public String name() {
    return "handwritten";
  }

  @Override
  public Result run() throws Exception {
    KafkaRun.Names n = KafkaRun.Names.next(name());
    kafka.createTopic(n.output(), 1);
    StreamExecutionEnvironment env = LocalFlink.env(1, true);
    env.enableCheckpointing(
        KafkaRun.CHECKPOINT_INTERVAL.toMillis(), CheckpointingMode.EXACTLY_ONCE);
    KafkaSource<byte[]> source =
        KafkaSource.<byte[]>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setTopics(input)
            .setGroupId(n.group())
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setProperty("isolation.level", "read_committed")
            .setDeserializer(
                KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
            .build();
    KafkaSink<byte[]> sink =
        KafkaSink.<byte[]>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setRecordSerializer(
                KafkaRecordSerializationSchema.<byte[]>builder()
                    .setTopic(n.output())
                    .setValueSerializationSchema(b -> b)
                    .build())
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .setTransactionalIdPrefix(n.txn())
            .setProperty("transaction.timeout.ms", "60000")
            .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "read events")
        .map(HandwrittenKafka::remap)
        .returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
        .name("remap")
        .sinkTo(sink)
        .name("write events");
    long t0 = System.nanoTime();
    JobExecutionResult job = env.execute("S5 handwritten");
    return KafkaRun.finish(kafka, job, System.nanoTime() - t0, n.output(), events);
  }

  /** S1's remap on a Jackson tree, back to bytes. */
  static byte[] remap(byte[] value) throws Exception {
    ObjectNode tree = (ObjectNode) RemapFilter.MAPPER.readTree(value);
    return RemapFilter.MAPPER.writeValueAsBytes(RemapFilter.remap(tree));
  }
}

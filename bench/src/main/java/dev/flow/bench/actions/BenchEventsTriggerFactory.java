package dev.flow.bench.actions;

import dev.flow.bench.Events;
import dev.flow.bench.flink.MemorySource;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.Prop;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code Bench Events}: a trigger over the benchmark's pre-generated events in this JVM, each one a
 * record holding the event's bytes unparsed, as a Kafka or webhook trigger would deliver them.
 */
public final class BenchEventsTriggerFactory
    implements TriggerFactory<BenchEventsTriggerFactory.Options> {

  /** Props of {@code Bench Events}. */
  public record Options(
      @Prop(description = "Parallel readers of the events.", defaultValue = "1") int readers)
      implements Serializable {}

  @Override
  public String name() {
    return "Bench Events";
  }

  @Override
  public String description() {
    return "Emits the benchmark's pre-generated events from memory (benchmarks only).";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public boolean isBounded(Options options) {
    return true;
  }

  @Override
  public DataStream<FlowRecord> create(Options options, TriggerContext ctx) {
    return ctx.env()
        .fromSource(
            MemorySource.of(
                i -> FlowRecord.ofJsonBytes(Events.bytes(i)), FlowRecordTypeInfo.INSTANCE),
            org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(),
            ctx.stageName(),
            FlowRecordTypeInfo.INSTANCE)
        .uid(ctx.uid())
        .name(ctx.stageName())
        .setParallelism(Math.max(1, options.readers()));
  }
}

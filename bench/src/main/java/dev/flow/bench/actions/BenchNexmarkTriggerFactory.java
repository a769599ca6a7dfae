package dev.flow.bench.actions;

import dev.flow.actions.nexmark.NexmarkOptions;
import dev.flow.actions.nexmark.NexmarkRecords;
import dev.flow.bench.flink.MemorySource;
import dev.flow.bench.s6.NexmarkEvents;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code Bench Nexmark}: the records of the packaged {@code Nexmark} trigger, with the same props,
 * but as many as the benchmark asks for ({@link NexmarkEvents#count()}) and marking when the first
 * one is made, like the other benchmark sources.
 */
public final class BenchNexmarkTriggerFactory implements TriggerFactory<NexmarkOptions> {

  @Override
  public String name() {
    return "Bench Nexmark";
  }

  @Override
  public String description() {
    return "The Nexmark trigger's records, counted by the benchmark (benchmarks only).";
  }

  @Override
  public Class<NexmarkOptions> optionsClass() {
    return NexmarkOptions.class;
  }

  @Override
  public boolean isBounded(NexmarkOptions options) {
    return true;
  }

  @Override
  public DataStream<dev.flow.record.FlowRecord> create(NexmarkOptions o, TriggerContext ctx) {
    NexmarkRecords records = new NexmarkRecords(o);
    return ctx.env()
        .fromSource(
            MemorySource.of(records::record, FlowRecordTypeInfo.INSTANCE, NexmarkEvents.count()),
            WatermarkStrategy.noWatermarks(),
            ctx.stageName(),
            FlowRecordTypeInfo.INSTANCE)
        .uid(ctx.uid())
        .name(ctx.stageName())
        .setParallelism(1);
  }
}

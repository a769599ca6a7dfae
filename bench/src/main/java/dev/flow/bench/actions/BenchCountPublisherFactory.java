package dev.flow.bench.actions;

import dev.flow.bench.flink.CountingSink;
import dev.flow.record.FlowRecord;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code Bench Count}: a publisher that writes each record to JSON bytes, as a real publisher
 * would, then counts and discards them.
 */
public final class BenchCountPublisherFactory
    implements PublisherFactory<BenchCountPublisherFactory.Options> {

  /** {@code Bench Count} has no props. */
  public record Options() implements Serializable {}

  @Override
  public String name() {
    return "Bench Count";
  }

  @Override
  public String description() {
    return "Serializes, counts and discards records (benchmarks only).";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public void publish(DataStream<FlowRecord> input, Options options, StageContext ctx) {
    input
        .sinkTo(new CountingSink<>(FlowRecord::toJsonBytes))
        .uid(ctx.uid())
        .name(ctx.stageName())
        .setParallelism(ctx.parallelism());
  }
}

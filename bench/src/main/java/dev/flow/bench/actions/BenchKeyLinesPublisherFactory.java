package dev.flow.bench.actions;

import dev.flow.bench.flink.CountingSink;
import dev.flow.record.FlowRecord;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code Bench Key Lines}: writes each per-key result as the line {@code key,count,sum×100} that
 * the hand-written S2 jobs write, then counts it, so that the variants' checksums compare.
 */
public final class BenchKeyLinesPublisherFactory
    implements PublisherFactory<BenchKeyLinesPublisherFactory.Options> {

  /** {@code Bench Key Lines} has no props. */
  public record Options() implements Serializable {}

  @Override
  public String name() {
    return "Bench Key Lines";
  }

  @Override
  public String description() {
    return "Counts per-key results as key,count,sum lines (benchmarks only).";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public void publish(DataStream<FlowRecord> input, Options options, StageContext ctx) {
    input
        .sinkTo(new CountingSink<>(BenchKeyLinesPublisherFactory::line))
        .uid(ctx.uid())
        .name(ctx.stageName())
        .setParallelism(ctx.parallelism());
  }

  /** The result line of one key. */
  public static byte[] line(FlowRecord r) {
    return (r.get("key").asText()
            + ","
            + r.get("count").asLong()
            + ","
            + Math.round(r.get("sum").asDouble() * 100))
        .getBytes(StandardCharsets.UTF_8);
  }
}

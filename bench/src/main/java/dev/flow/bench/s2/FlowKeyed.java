package dev.flow.bench.s2;

import dev.flow.bench.Events;
import dev.flow.bench.Variant;
import dev.flow.bench.actions.BenchErrorsPublisher;
import dev.flow.bench.actions.BenchEventsTrigger;
import dev.flow.bench.actions.CodedFlow;
import dev.flow.bench.flink.CountingSink;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.flink.Marks;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import dev.flow.translate.FlowTranslator;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * S2 as a Flow flow at parallelism 2: {@code Bench Events} → {@code Bench Keyed Count} (keyed by
 * {@code user.id}; Flow's record serializer carries the records across the exchange) → a publisher
 * that writes the same result lines as the hand-written variants.
 */
public final class FlowKeyed implements Variant {

  @Override
  public String name() {
    return "flow";
  }

  @Override
  public Result run() throws Exception {
    FlowSettings d = FlowSettings.defaults();
    FlowSettings settings =
        new FlowSettings(
            HandwrittenKeyed.PARALLELISM,
            d.maxParallelism(),
            d.checkpointing(),
            d.restart(),
            d.stateBackend(),
            d.errors());
    var flow =
        new CodedFlow("s2-keyed-count", settings)
            .then(
                "events",
                new BenchEventsTrigger(),
                new BenchEventsTrigger.Options(HandwrittenKeyed.PARALLELISM))
            .then("count", new FlowKeyedCount(), new FlowKeyedCount.None())
            .then("lines", new Lines(), new Lines.None())
            .build();
    StreamExecutionEnvironment env = LocalFlink.env(HandwrittenKeyed.PARALLELISM, true);
    FlowTranslator.translate(flow, env);
    Marks.reset();
    BenchErrorsPublisher.reset();
    env.execute("S2 flow");
    if (BenchErrorsPublisher.ERRORS.get() > 0) {
      throw new IllegalStateException(BenchErrorsPublisher.ERRORS.get() + " error records");
    }
    return new Result(
        Events.count(), Marks.elapsedNanos(), Marks.records(), Marks.bytes(), Marks.checksum());
  }

  /** Writes each result as the hand-written variants' line, so that checksums compare. */
  static final class Lines implements PublisherFactory<Lines.None> {
    /** No props. */
    record None() implements Serializable {}

    @Override
    public String name() {
      return "Bench Key Lines";
    }

    @Override
    public String description() {
      return "Counts results as key,count,sum lines (benchmarks only).";
    }

    @Override
    public Class<None> optionsClass() {
      return None.class;
    }

    @Override
    public void publish(DataStream<FlowRecord> input, None options, StageContext ctx) {
      input
          .sinkTo(new CountingSink<>(Lines::line))
          .uid(ctx.uid())
          .name(ctx.stageName())
          .setParallelism(ctx.parallelism());
    }

    static byte[] line(FlowRecord r) {
      return (r.get("key").asText()
              + ","
              + r.get("count").asLong()
              + ","
              + Math.round(r.get("sum").asDouble() * 100))
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}

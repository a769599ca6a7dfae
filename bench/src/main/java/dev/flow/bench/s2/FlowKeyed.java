package dev.flow.bench.s2;

import dev.flow.bench.Events;
import dev.flow.bench.Variant;
import dev.flow.bench.actions.BenchErrorsPublisherFactory;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.flink.Marks;
import dev.flow.bench.s1.FlowVariant;
import dev.flow.translate.FlowTranslator;
import dev.flow.validate.ValidatedFlow;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * S2 as a Flow flow at parallelism 2: the YAML {@code bench/flows/s2-keyed-reduce.yaml}, {@code
 * Bench Events} → {@code Reduce} (keyField user.id, count and sum(amount)) → {@code Bench Key
 * Lines}, compiled by the real compiler. Flow's record serializer carries the records across the
 * keyed exchange.
 */
public final class FlowKeyed implements Variant {
  private final String path;

  public FlowKeyed(String path) {
    this.path = path;
  }

  @Override
  public String name() {
    return "flow";
  }

  @Override
  public Result run() throws Exception {
    ValidatedFlow flow = FlowVariant.validated(path);
    StreamExecutionEnvironment env = LocalFlink.env(HandwrittenKeyed.PARALLELISM, true);
    FlowTranslator.translate(flow, env);
    Marks.reset();
    BenchErrorsPublisherFactory.reset();
    env.execute("S2 flow");
    if (BenchErrorsPublisherFactory.ERRORS.get() > 0) {
      throw new IllegalStateException(BenchErrorsPublisherFactory.ERRORS.get() + " error records");
    }
    return new Result(
        Events.count(), Marks.elapsedNanos(), Marks.records(), Marks.bytes(), Marks.checksum());
  }
}

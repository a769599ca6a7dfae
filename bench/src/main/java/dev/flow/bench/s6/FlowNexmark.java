package dev.flow.bench.s6;

import dev.flow.bench.Variant;
import dev.flow.bench.actions.BenchErrorsPublisherFactory;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.flink.Marks;
import dev.flow.bench.s1.FlowVariant;
import dev.flow.translate.FlowTranslator;
import dev.flow.validate.ValidatedFlow;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A Nexmark query as a Flow flow: {@code Bench Nexmark} → the query's stages → Bench Count. */
final class FlowNexmark implements Variant {
  private final ValidatedFlow flow;
  private final String id;
  boolean collect;

  FlowNexmark(String id, String path) {
    this.id = id;
    this.flow = FlowVariant.validated(path);
  }

  @Override
  public String name() {
    return "flow";
  }

  @Override
  public Result run() throws Exception {
    StreamExecutionEnvironment env = LocalFlink.env(1, true);
    FlowTranslator.translate(flow, env);
    Marks.reset();
    if (collect) {
      Marks.collect();
    }
    BenchErrorsPublisherFactory.reset();
    env.execute("S6 " + id + " flow");
    if (BenchErrorsPublisherFactory.ERRORS.get() > 0) {
      throw new IllegalStateException(
          id
              + ": "
              + BenchErrorsPublisherFactory.ERRORS.get()
              + " records went to the error stage");
    }
    return new Result(
        NexmarkEvents.count(),
        Marks.elapsedNanos(),
        Marks.records(),
        Marks.bytes(),
        Marks.checksum());
  }
}

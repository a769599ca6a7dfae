package dev.flow.bench.s1;

import dev.flow.FlowCompiler;
import dev.flow.bench.Events;
import dev.flow.bench.Variant;
import dev.flow.bench.actions.BenchCountPublisherFactory;
import dev.flow.bench.actions.BenchErrorsPublisherFactory;
import dev.flow.bench.actions.BenchEventsTriggerFactory;
import dev.flow.bench.actions.CodedFlow;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.flink.Marks;
import dev.flow.model.Problem;
import dev.flow.spi.FlowSettings;
import dev.flow.translate.FlowTranslator;
import dev.flow.validate.ValidatedFlow;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * S1 as a Flow flow: {@code Bench Events} → remap → filter → {@code Bench Count}, translated by
 * {@link FlowTranslator} and run on a local Flink like the other variants.
 */
public final class FlowVariant implements Variant {
  private final String name;
  private final Callable<ValidatedFlow> flow;

  public FlowVariant(String name, Callable<ValidatedFlow> flow) {
    this.name = name;
    this.flow = flow;
  }

  /** The YAML flow at {@code path}, validated by {@link FlowCompiler} once per run. */
  public static FlowVariant yaml(String name, String path) {
    return new FlowVariant(name, () -> validated(path));
  }

  /** The YAML flow at {@code path}, validated by {@link FlowCompiler}; throws when not valid. */
  public static ValidatedFlow validated(String path) {
    ValidatedFlow v = FlowCompiler.validate(path, List.of(), false);
    if (v.hasErrors()) {
      throw new IllegalStateException(
          "the benchmark flow "
              + path
              + " is not valid:\n"
              + v.problems().stream().map(Problem::format).collect(Collectors.joining("\n")));
    }
    return v;
  }

  /** The flow with S1's remap and filter as stages written in Java against the record API. */
  public static FlowVariant javaStages() {
    return new FlowVariant(
        "flow-java",
        () ->
            new CodedFlow("s1-remap-filter", FlowSettings.defaults())
                .then(
                    "events",
                    new BenchEventsTriggerFactory(),
                    new BenchEventsTriggerFactory.Options(1))
                .then("remap", new JavaStages.Remap(), new JavaStages.None())
                .then("filter", new JavaStages.Filter(), new JavaStages.None())
                .then(
                    "count",
                    new BenchCountPublisherFactory(),
                    new BenchCountPublisherFactory.Options())
                .build());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result run() throws Exception {
    StreamExecutionEnvironment env = LocalFlink.env(1, true);
    FlowTranslator.translate(flow.call(), env);
    Marks.reset();
    BenchErrorsPublisherFactory.reset();
    env.execute("S1 " + name);
    if (BenchErrorsPublisherFactory.ERRORS.get() > 0) {
      throw new IllegalStateException(
          name
              + ": "
              + BenchErrorsPublisherFactory.ERRORS.get()
              + " records went to the error stage");
    }
    return new Result(
        Events.count(), Marks.elapsedNanos(), Marks.records(), Marks.bytes(), Marks.checksum());
  }
}

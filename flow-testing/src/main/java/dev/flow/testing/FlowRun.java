package dev.flow.testing;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.record.FlowRecord;
import dev.flow.translate.Translators;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Compiles a YAML flow with the real parser, validator and translator and runs it on the current
 * (mini) cluster, capturing chosen publishers and the error stage in {@link CollectSink}s named
 * {@code tag/stage} and {@code tag/errors}.
 */
public final class FlowRun {
  private FlowRun() {}

  /** Every problem of the flow at {@code yaml}, formatted as the CLI prints them. */
  public static List<String> problems(Path yaml) {
    return FlowCompiler.validate(yaml.toString(), List.of(), false).problems().stream()
        .map(Problem::format)
        .toList();
  }

  /** Runs the bounded flow at {@code yaml} to its end. */
  public static void run(Path yaml, String tag, Set<String> captured) throws Exception {
    ValidatedFlow flow = FlowCompiler.validate(yaml.toString(), List.of(), false);
    if (flow.hasErrors()) {
      throw new AssertionError("invalid flow: " + problems(yaml));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Translators standard = Translators.standard();
    Translators translators =
        standard
            .withPublisher(
                (stage, input, ctx) -> {
                  if (captured.contains(stage.name())) {
                    input.sinkTo(new CollectSink(tag + "/" + stage.name())).name(stage.name());
                  } else {
                    standard.publisher().translate(stage, input, ctx);
                  }
                })
            .withErrorStage(
                (stage, errors, ctx) ->
                    errors.sinkTo(new CollectSink(tag + "/errors")).name("errors"));
    FlowCompiler.translate(flow, env, translators);
    env.execute(flow.def().name());
  }

  /** The payloads a captured stage received. */
  public static List<String> payloads(String tag, String stage) {
    return CollectSink.payloads(tag + "/" + stage);
  }

  /** The error records of a run. */
  public static List<FlowRecord> errors(String tag) {
    return CollectSink.received(tag + "/errors");
  }
}

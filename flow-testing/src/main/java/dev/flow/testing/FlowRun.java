package dev.flow.testing;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.record.FlowRecord;
import dev.flow.translate.TranslationHooks;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
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
    TranslationHooks hooks =
        new TranslationHooks() {
          @Override
          public boolean replacePublisher(
              ResolvedStage stage, DataStream<FlowRecord> input, dev.flow.spi.StageContext ctx) {
            if (!captured.contains(stage.name())) {
              return false;
            }
            input.sinkTo(new CollectSink(tag + "/" + stage.name())).name(stage.name());
            return true;
          }

          @Override
          public boolean replaceErrorStage(DataStream<FlowRecord> errors) {
            errors.sinkTo(new CollectSink(tag + "/errors")).name("errors");
            return true;
          }
        };
    FlowCompiler.translate(flow, env, hooks);
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

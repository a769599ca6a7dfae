package dev.flow.actions.testing;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageContext;
import dev.flow.testing.CollectSink;
import dev.flow.translate.TranslationHooks;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a flow written in YAML on the test MiniCluster, with every publisher and the error stage
 * replaced by a {@link CollectSink} named {@code <run>/<stage>} and {@code <run>/errors}.
 */
public final class CapturedRun {
  private final String run;

  private CapturedRun(String run) {
    this.run = run;
  }

  /** Validates {@code yaml}; fails the test with the problems when it is not valid. */
  public static ValidatedFlow validate(String yaml) throws Exception {
    Path file = Files.createTempFile("flow", ".yaml");
    Files.writeString(file, yaml);
    ValidatedFlow flow = FlowCompiler.validate(file.toString(), List.of(), false);
    Files.deleteIfExists(file);
    return flow;
  }

  /** The formatted errors of {@code flow}. */
  public static List<String> errors(ValidatedFlow flow) {
    return flow.problems().stream().filter(Problem::isError).map(Problem::format).toList();
  }

  /** Builds {@code yaml} into {@code env} with captures named after {@code run}. */
  public static CapturedRun build(String run, String yaml, StreamExecutionEnvironment env)
      throws Exception {
    ValidatedFlow flow = validate(yaml);
    if (flow.hasErrors()) {
      throw new AssertionError(
          "invalid flow:\n" + errors(flow).stream().collect(Collectors.joining("\n")));
    }
    FlowCompiler.translate(
        flow,
        env,
        new TranslationHooks() {
          @Override
          public boolean replacePublisher(
              ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) {
            input.sinkTo(new CollectSink(run + "/" + stage.name())).uid(ctx.uid("collect"));
            return true;
          }

          @Override
          public boolean replaceErrorStage(DataStream<FlowRecord> errors) {
            errors.sinkTo(new CollectSink(run + "/errors")).uid(run + "/errors");
            return true;
          }
        });
    // Frequent watermarks, so paced test records see the watermark move between them.
    env.getConfig().setAutoWatermarkInterval(5);
    return new CapturedRun(run);
  }

  /** Builds and runs {@code yaml} to its end. */
  public static CapturedRun run(String run, String yaml) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CapturedRun r = build(run, yaml, env);
    env.execute(run);
    return r;
  }

  /** The payloads the publisher stage received, as JSON, in arrival order. */
  public List<String> at(String stage) {
    return CollectSink.payloads(run + "/" + stage);
  }

  /** The error records' {@code error} messages, in arrival order. */
  public List<String> errorMessages() {
    return CollectSink.received(run + "/errors").stream()
        .map(r -> r.get("error").asText())
        .toList();
  }

  /** The error records, as JSON. */
  public List<String> errors() {
    return CollectSink.payloads(run + "/errors");
  }
}

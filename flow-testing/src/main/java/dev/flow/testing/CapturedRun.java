package dev.flow.testing;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.record.FlowRecord;
import dev.flow.translate.Translators;
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
    return build(run, yaml, env, -1);
  }

  /**
   * Builds {@code yaml} with exactly-once captures (see {@link ExactlyOnceCollectSink}) when {@code
   * failAt} is 0 or more, and makes the job fail once when a trigger emits the record whose field
   * {@code n} equals {@code failAt}.
   */
  public static CapturedRun build(
      String run, String yaml, StreamExecutionEnvironment env, long failAt) throws Exception {
    ValidatedFlow flow = validate(yaml);
    if (flow.hasErrors()) {
      throw new AssertionError(
          "invalid flow:\n" + errors(flow).stream().collect(Collectors.joining("\n")));
    }
    Translators standard = Translators.standard();
    Translators captured =
        standard
            .withPublisher(
                (stage, input, ctx) -> {
                  if (failAt >= 0) {
                    input
                        .sinkTo(new ExactlyOnceCollectSink(run + "/" + stage.name()))
                        .uid(ctx.uid("collect"));
                  } else {
                    input.sinkTo(new CollectSink(run + "/" + stage.name())).uid(ctx.uid("collect"));
                  }
                })
            .withErrorStage(
                (stage, errors, ctx) ->
                    errors.sinkTo(new CollectSink(run + "/errors")).uid(run + "/errors"));
    if (failAt >= 0) {
      captured =
          captured.withTrigger(
              (stage, ctx) -> {
                DataStream<FlowRecord> real = standard.trigger().translate(stage, ctx);
                return real.map(new FailOnce(run, failAt))
                    .returns(dev.flow.record.FlowRecordTypeInfo.INSTANCE)
                    .uid(ctx.uid("fail-once"))
                    .setParallelism(real.getParallelism());
              });
    }
    FlowCompiler.translate(flow, env, captured);
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

  /** True when the run's injected failure happened. */
  public boolean failedOnce() {
    return FailOnce.FAILED.contains(run);
  }

  /** The payloads an exactly-once capture committed, as JSON. */
  public List<String> committed(String stage) {
    return ExactlyOnceCollectSink.committed(run + "/" + stage);
  }

  /** Throws once, the first time it sees the record whose {@code n} is the given number. */
  static final class FailOnce
      implements org.apache.flink.api.common.functions.MapFunction<FlowRecord, FlowRecord> {
    private static final long serialVersionUID = 1L;
    static final java.util.Set<String> FAILED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final String run;
    private final long at;

    FailOnce(String run, long at) {
      this.run = run;
      this.at = at;
    }

    @Override
    public FlowRecord map(FlowRecord r) {
      com.fasterxml.jackson.databind.JsonNode n = r.get("n");
      if (n != null && n.asLong() == at && FAILED.add(run)) {
        throw new IllegalStateException("injected failure at record " + at);
      }
      return r;
    }
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

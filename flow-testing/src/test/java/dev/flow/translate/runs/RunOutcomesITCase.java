package dev.flow.translate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.translate.Translators;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code settings.runs}: one outcome record per run, success or error with the stage that failed,
 * timed; a job record when a bounded flow ends; and outcomes of an endless flow once its runs go
 * quiet.
 */
class RunOutcomesITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @TempDir Path tmp;

  /** Captures publishers, errors and run outcomes under {@code tag/...}. */
  private static Translators capture(String tag) {
    return Translators.standard()
        .withPublisher(
            (stage, input, ctx) ->
                input.sinkTo(new CollectSink(tag + "/" + stage.name())).name(stage.name()))
        .withErrorStage(
            (stage, errors, ctx) -> errors.sinkTo(new CollectSink(tag + "/errors")).name("errors"))
        .withRunStage(
            (stage, outcomes, ctx) -> outcomes.sinkTo(new CollectSink(tag + "/runs")).name("runs"));
  }

  private StreamExecutionEnvironment compile(String yaml, String tag) throws Exception {
    Path file = tmp.resolve(tag + ".yaml");
    Files.writeString(file, yaml);
    ValidatedFlow flow = FlowCompiler.validate(file.toString(), List.of(), false);
    assertThat(flow.problems()).extracting(Problem::format).isEmpty();
    StreamExecutionEnvironment env = FlowMiniCluster.env(2);
    FlowCompiler.translate(flow, env, capture(tag));
    return env;
  }

  private static List<JsonNode> outcomes(String tag) {
    return CollectSink.received(tag + "/runs").stream()
        .map(r -> (JsonNode) r.asObjectNode())
        .sorted(Comparator.comparing(n -> n.path("id").asText() + n.path("runId").asText()))
        .toList();
  }

  @Test
  void eachRunEndsInSuccessOrInTheStageThatFailedAndTheJobIsSummed() throws Exception {
    String yaml =
        """
        name: Runs
        settings:
          runs: {action: Log, idle: 30s}
        stages:
          - name: orders
            action: Inline Records
            props:
              records: [{id: 1, amount: 150}, {id: 2, amount: 5}, {id: 3}]
            out: [big]
          - {name: big, action: Filter, props: {condition: amount > 100}, out: [a, b]}
          - {name: a, action: Log, props: {}, out: []}
          - {name: b, action: Trash, props: {}, out: []}
        """;
    long before = System.currentTimeMillis();
    compile(yaml, "bounded").execute("runs");
    long after = System.currentTimeMillis();

    List<JsonNode> all = outcomes("bounded");
    assertThat(all).hasSize(4);
    List<JsonNode> runs = all.stream().filter(n -> !n.has("job")).toList();
    JsonNode job = all.stream().filter(n -> n.has("job")).findFirst().orElseThrow();

    // The runs, by the published count: the one that reached both publishers, the filtered one
    // (a success that published nothing) and the one whose record failed in "big".
    JsonNode published =
        runs.stream().filter(n -> n.get("published").asInt() == 2).findFirst().orElseThrow();
    assertThat(published.get("status").asText()).isEqualTo("success");
    assertThat(published.get("trigger").asText()).isEqualTo("orders");
    assertThat(published.get("errors").asInt()).isZero();
    assertThat(published.has("failedStage")).isFalse();

    List<JsonNode> failed =
        runs.stream().filter(n -> n.get("status").asText().equals("error")).toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).get("failedStage").asText()).isEqualTo("big");
    assertThat(failed.get(0).get("error").asText())
        .isEqualTo(
            CollectSink.received("bounded/errors").get(0).asObjectNode().get("error").asText())
        .contains("amount");
    assertThat(failed.get(0).get("published").asInt()).isZero();

    assertThat(runs)
        .extracting(n -> n.get("status").asText() + "/" + n.get("published").asInt())
        .containsExactlyInAnyOrder("success/2", "success/0", "error/0");
    assertThat(runs).extracting(n -> n.get("runId").asText()).doesNotHaveDuplicates();
    for (JsonNode r : runs) {
      assertThat(r.get("flow").asText()).isEqualTo("Runs");
      long start = Instant.parse(r.get("start").asText()).toEpochMilli();
      long end = Instant.parse(r.get("end").asText()).toEpochMilli();
      assertThat(start).isBetween(before, after);
      assertThat(end).isBetween(start, after);
      assertThat(r.get("durationMs").asLong()).isEqualTo(end - start);
    }

    assertThat(job.get("flow").asText()).isEqualTo("Runs");
    assertThat(job.get("status").asText()).isEqualTo("error");
    assertThat(job.get("runs").asInt()).isEqualTo(3);
    assertThat(job.get("succeeded").asInt()).isEqualTo(2);
    assertThat(job.get("failed").asInt()).isEqualTo(1);
  }

  @Test
  void anEndlessFlowReportsEachRunOnceItHasBeenQuietForTheIdleTime() throws Exception {
    String yaml =
        """
        name: Ticks
        settings:
          runs: {action: Log, idle: 300ms}
        stages:
          - {name: ticks, action: Schedule, props: {interval: 100ms}, out: [out]}
          - {name: out, action: Trash, props: {}, out: []}
        """;
    JobClient job = compile(yaml, "endless").executeAsync("ticks");
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (CollectSink.received("endless/runs").size() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      List<JsonNode> runs = outcomes("endless");
      assertThat(runs).hasSizeGreaterThanOrEqualTo(5);
      for (JsonNode r : runs) {
        assertThat(r.has("job")).isFalse();
        assertThat(r.get("status").asText()).isEqualTo("success");
        assertThat(r.get("trigger").asText()).isEqualTo("ticks");
        assertThat(r.get("published").asInt()).isEqualTo(1);
      }
      // Reported while the job still runs: the idle timer, not the end of input, completed them.
      assertThat(job.getJobStatus().get().isGloballyTerminalState()).isFalse();
    } finally {
      job.cancel().get();
    }
  }
}

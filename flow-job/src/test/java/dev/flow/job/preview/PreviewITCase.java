package dev.flow.job.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.FlowCompiler;
import dev.flow.preview.EmbeddedFlink;
import dev.flow.preview.Preview;
import dev.flow.preview.PreviewResult;
import dev.flow.preview.StageError;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview API on an embedded Flink: each stage's exact input, output and error records. */
class PreviewITCase {
  private static EmbeddedFlink flink;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    flink = EmbeddedFlink.start(4);
  }

  @AfterAll
  static void stop() throws Exception {
    flink.close();
  }

  private static ValidatedFlow flow(String path) {
    ValidatedFlow f = FlowCompiler.validate(path, List.of(), false);
    assertThat(f.problems()).isEmpty();
    return f;
  }

  private static List<String> json(List<JsonNode> records) {
    return records.stream().map(JsonNode::toString).toList();
  }

  @Test
  void quickstartShowsEveryStagesInputAndOutput() throws Exception {
    PreviewResult r = Preview.of(flow("../examples/quickstart.yaml")).run(flink.environment());

    assertThat(r.stages())
        .extracting(s -> s.name())
        .containsExactly("orders", "tidy", "big orders", "add totals", "print");
    String ada =
        "{\"id\":1,\"customer\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"},"
            + "\"amount\":120.5,\"qty\":2,\"country\":\"DE\"}";
    assertThat(json(r.stage("orders").input())).isEmpty();
    assertThat(json(r.stage("orders").output())).hasSize(3).first().isEqualTo(ada);
    assertThat(json(r.stage("tidy").input())).isEqualTo(json(r.stage("orders").output()));
    assertThat(json(r.stage("tidy").output()))
        .containsExactly(
            "{\"id\":1,\"customer\":{\"email\":\"***\"},\"amount\":120.5,\"qty\":2,\"country\":\"DE\",\"customerName\":\"Ada\"}",
            "{\"id\":2,\"customer\":{\"email\":\"***\"},\"amount\":15.0,\"qty\":1,\"country\":\"FR\",\"customerName\":\"Bob\"}",
            "{\"id\":3,\"customer\":{\"email\":\"***\"},\"amount\":310.0,\"qty\":5,\"country\":\"DE\",\"customerName\":\"Cyd\"}");
    assertThat(json(r.stage("big orders").output()))
        .containsExactly(
            "{\"id\":1,\"customer\":{\"email\":\"***\"},\"amount\":120.5,\"qty\":2,\"country\":\"DE\",\"customerName\":\"Ada\"}",
            "{\"id\":3,\"customer\":{\"email\":\"***\"},\"amount\":310.0,\"qty\":5,\"country\":\"DE\",\"customerName\":\"Cyd\"}");
    assertThat(json(r.stage("print").input()))
        .containsExactly(
            "{\"id\":1,\"customer\":{\"email\":\"***\"},\"amount\":120.5,\"qty\":2,\"country\":\"DE\",\"customerName\":\"Ada\",\"unitPrice\":60.25}",
            "{\"id\":3,\"customer\":{\"email\":\"***\"},\"amount\":310.0,\"qty\":5,\"country\":\"DE\",\"customerName\":\"Cyd\",\"unitPrice\":62.0}");
    assertThat(r.stage("print").output()).isEqualTo(r.stage("print").input());
    assertThat(r.stages()).allSatisfy(s -> assertThat(s.errors()).isEmpty());
    assertThat(r.timedOut()).isFalse();
  }

  @Test
  void aFanOutShowsEachBranchAndTheErrorsWithTheirMessages() throws Exception {
    PreviewResult r =
        Preview.of(flow("src/test/resources/flows/fan-out.yaml")).run(flink.environment());
    assertFanOut(r);
  }

  @Test
  void captureWorksAcrossParallelInstances() throws Exception {
    Path flow = tmp.resolve("fan-out.yaml");
    Files.writeString(
        flow,
        Files.readString(Path.of("src/test/resources/flows/fan-out.yaml"))
            .replace("stages:", "settings: {parallelism: 3}\nstages:"));
    PreviewResult r = Preview.of(flow(flow.toString())).run(flink.environment());
    assertFanOut(r);
  }

  private static void assertFanOut(PreviewResult r) {
    assertThat(json(r.stage("big").input()))
        .containsExactlyInAnyOrder(
            "{\"id\":1,\"amount\":150}", "{\"id\":2,\"amount\":5}", "{\"id\":3}");
    assertThat(json(r.stage("small").input())).isEqualTo(json(r.stage("big").input()));
    assertThat(json(r.stage("big").output())).containsExactly("{\"id\":1,\"amount\":150}");
    assertThat(json(r.stage("small").output()))
        .containsExactlyInAnyOrder(
            "{\"id\":1,\"amount\":150,\"half\":75}", "{\"id\":2,\"amount\":5,\"half\":2}");
    assertThat(json(r.stage("big out").output())).containsExactly("{\"id\":1,\"amount\":150}");
    assertThat(r.stage("small out").output()).hasSize(2);
    assertThat(r.stage("big").errors())
        .extracting(StageError::message, e -> e.record().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "no field 'amount' in the record (in expression \"amount > 100\" at column 1)",
                "{\"id\":3}"));
    assertThat(r.stage("small").errors())
        .extracting(StageError::message)
        .containsExactly(
            "no field 'amount' in the record (in expression \"amount / 2\" at column 1)");
    assertThat(r.stage("orders").errors()).isEmpty();
  }

  @Test
  void sampleRecordsReplaceATriggerAndBadOnesAreErrors() throws Exception {
    PreviewResult r =
        Preview.of(flow("../examples/webhook.yaml"))
            .input("form", List.of("{\"email\":\"ada@example.com\"}", "{\"name\":\"Bob\"}", "oops"))
            .run(flink.environment());
    assertThat(json(r.stage("form").output()))
        .containsExactly("{\"email\":\"ada@example.com\"}", "{\"name\":\"Bob\"}");
    assertThat(r.stage("form").errors())
        .extracting(StageError::message)
        .containsExactly("not valid JSON: expected a JSON object at offset 0");
    assertThat(json(r.stage("print").output()))
        .containsExactly("{\"email\":\"ada@example.com\",\"domain\":\"example.com\"}");
    assertThat(r.stage("domain").errors())
        .extracting(e -> e.record().toString())
        .containsExactly("{\"name\":\"Bob\"}");
  }

  @Test
  void aTriggerReadingItsSourceStopsAtTheLimit() throws Exception {
    PreviewResult r =
        Preview.of(flow("../examples/accumulate-batches.yaml")).limit(4).run(flink.environment());
    assertThat(json(r.stage("orders").output())).hasSize(4);
    assertThat(r.stage("batches").input()).hasSize(4);
    int batched = r.stage("batches").output().stream().mapToInt(b -> b.get("count").asInt()).sum();
    assertThat(batched).isEqualTo(4);
  }

  @Test
  void aTriggerThatNeverEndsEndsAtTheLimitAndWindowsFlush() throws Exception {
    Path flow = tmp.resolve("endless.yaml");
    Files.writeString(
        flow,
        """
        name: Endless
        stages:
          - name: ticks
            action: Generator
            props: {fields: {id: seq, k: 'choice(a)'}, rate: 50}
            out: [batches]
          - name: batches
            action: Accumulate
            props: {keyField: k, maxRecords: 100, maxWait: 1h}
            out: [print]
          - name: print
            action: Log
        """);
    ValidatedFlow f = flow(flow.toString());
    assertThat(dev.flow.translate.FlowTranslator.isBounded(f)).isFalse();
    PreviewResult r = Preview.of(f).limit(3).run(flink.environment());
    assertThat(r.timedOut()).isFalse();
    assertThat(json(r.stage("ticks").output()))
        .containsExactly(
            "{\"id\":0,\"k\":\"a\"}", "{\"id\":1,\"k\":\"a\"}", "{\"id\":2,\"k\":\"a\"}");
    assertThat(r.stage("print").output()).hasSize(1);
    assertThat(r.stage("print").output().get(0).get("count").asInt()).isEqualTo(3);
  }
}

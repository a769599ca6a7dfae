package dev.flow.server.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.FlowServer;
import dev.flow.server.testing.Api;
import dev.flow.server.testing.OutputFiles;
import dev.flow.server.testing.Stores;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs recorded by default, on the local environment: a deployed flow's run outcomes (one success,
 * one failure with its stage and message) and error record reach the store; after a fix the error
 * record is replayed and comes out at the sink; a manual run's outcome; bad requests; and no ingest
 * token in any log line. Subclasses say which store.
 */
abstract class RunsApiContract {
  static final String FLOW =
      """
      name: Ratios
      stages:
        - name: orders
          action: Inline Records
          props:
            records:
              - {id: 1, amount: 4}
              - {id: 2, amount: 0}
          out: [compute]
        - name: compute
          action: Map
          props:
            fields:
              ratio: %s
          out: [save]
        - name: save
          action: Write to File
          props:
            path: %s
          out: []
      """;

  FlowServer server;
  Api admin;
  Path out;
  final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  /** The tests' log4j file (log4j2-test.properties); it is appended to by every test. */
  static final Path SERVER_LOG = Path.of("target/server-test.log");

  long logStart;
  PrintStream oldOut;
  PrintStream oldErr;

  /** The JDBC URL of a fresh database, or null for H2 in the data folder. */
  abstract String dbUrl() throws Exception;

  @BeforeEach
  void start() throws Exception {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(new Tee(oldOut, logs), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(oldErr, logs), true, StandardCharsets.UTF_8));
    logStart = Files.exists(SERVER_LOG) ? Files.size(SERVER_LOG) : 0;
    Path data = Stores.freshData();
    out = Files.createDirectories(data.resolve("out"));
    server = Stores.start(data, dbUrl());
    admin = new Api("http://127.0.0.1:" + server.port(), server.firstAdminToken().orElseThrow());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  @Test
  void runsErrorRecordsReplayAndManualRuns() throws Exception {
    String yaml = FLOW.formatted("100 / amount", out.toAbsolutePath());
    Api.Response created = admin.post("/api/v1/flows", Map.of("yaml", yaml, "message", "first"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String flowId = created.json().get("id").asText();
    Api.Response dep =
        admin.post("/api/v1/deployments", Map.of("flowId", flowId, "environment", "local"));
    assertThat(dep.status()).as(dep.toString()).isEqualTo(201);
    String depId = dep.json().get("id").asText();

    JsonNode runs = await("/api/v1/runs?flow=Ratios", j -> j.get("total").asInt() == 2);
    JsonNode ok = find(runs.get("items"), "status", "success");
    JsonNode failed = find(runs.get("items"), "status", "error");
    assertThat(ok.get("flow").asText()).isEqualTo("Ratios");
    assertThat(ok.get("flowId").asText()).isEqualTo(flowId);
    assertThat(ok.get("deploymentId").asText()).isEqualTo(depId);
    assertThat(ok.get("version").asInt()).isEqualTo(1);
    assertThat(ok.get("environment").asText()).isEqualTo("local");
    assertThat(ok.get("manual").asBoolean()).isFalse();
    assertThat(ok.get("trigger").asText()).isEqualTo("orders");
    assertThat(ok.get("published").asLong()).isEqualTo(1);
    assertThat(ok.get("errors").asLong()).isZero();
    assertThat(ok.get("failedStage").isNull()).isTrue();
    assertThat(failed.get("failedStage").asText()).isEqualTo("compute");
    assertThat(failed.get("error").asText()).isEqualTo(EXPECTED_ERROR);
    assertThat(failed.get("published").asLong()).isZero();
    assertThat(admin.get("/api/v1/runs/" + failed.get("runId").asText()).json()).isEqualTo(failed);
    assertThat(admin.get("/api/v1/runs?flow=Ratios&status=error").json().get("total").asInt())
        .isEqualTo(1);
    assertThat(admin.get("/api/v1/runs?deployment=" + depId).json().get("total").asInt())
        .isEqualTo(2);
    assertThat(
            admin
                .get("/api/v1/runs?flow=Ratios&from=2999-01-01T00:00:00Z")
                .json()
                .get("total")
                .asInt())
        .isZero();
    JsonNode stats = admin.get("/api/v1/runs/stats?flow=Ratios").json().get("flows").get(0);
    assertThat(stats.get("runs").asInt()).isEqualTo(2);
    assertThat(stats.get("success").asInt()).isEqualTo(1);
    assertThat(stats.get("error").asInt()).isEqualTo(1);
    assertThat(stats.get("durationMs").get("max").asLong())
        .isEqualTo(Math.max(ok.get("durationMs").asLong(), failed.get("durationMs").asLong()));

    JsonNode errors =
        await("/api/v1/error-records?flow=Ratios&stage=compute", j -> j.get("total").asInt() == 1);
    JsonNode er = errors.get("items").get(0);
    assertThat(er.get("stage").asText()).isEqualTo("compute");
    assertThat(er.get("action").asText()).isEqualTo("Map");
    assertThat(er.get("error").asText()).isEqualTo(EXPECTED_ERROR);
    assertThat(er.get("policy").asText()).isEqualTo("ORIGINAL_RECORD");
    assertThat(er.get("record").toString()).isEqualTo("{\"id\":2,\"amount\":0}");
    assertThat(er.get("runId").asText()).isEqualTo(failed.get("runId").asText());
    assertThat(er.get("replayedBy").isNull()).isTrue();
    assertThat(
            admin.get("/api/v1/error-records?flow=Ratios&stage=save").json().get("total").asInt())
        .isZero();
    assertThat(admin.get("/api/v1/error-records/" + er.get("id").asLong()).json()).isEqualTo(er);

    // Fix the flow, then replay the error record: it comes out at the sink.
    Api.Response fixed =
        admin.put(
            "/api/v1/flows/" + flowId,
            Map.of(
                "baseVersion",
                1,
                "yaml",
                FLOW.formatted("\"amount == 0 ? 0 : 100 / amount\"", out.toAbsolutePath())));
    assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
    Api.Response replay =
        admin.post("/api/v1/error-records/replay", Map.of("ids", List.of(er.get("id").asLong())));
    assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
    String replayRun = replay.json().get("runIds").get(0).asText();
    JsonNode rr = await("/api/v1/runs/" + replayRun, j -> j.has("status"));
    assertThat(rr.get("status").asText()).isEqualTo("success");
    assertThat(rr.get("manual").asBoolean()).isTrue();
    assertThat(rr.get("version").asInt()).isEqualTo(2);
    assertThat(rr.get("deploymentId").isNull()).isTrue();
    assertThat(rr.get("published").asLong()).isEqualTo(1);
    assertThat(
            admin
                .get("/api/v1/error-records/" + er.get("id").asLong())
                .json()
                .get("replayedBy")
                .asText())
        .isEqualTo(replayRun);
    OutputFiles.awaitTrue(() -> lines().contains("{\"id\":2,\"amount\":0,\"ratio\":0}"));

    // A manual run.
    Api.Response trig =
        admin.post(
            "/api/v1/flows/" + flowId + "/trigger",
            Map.of("records", List.of(Api.JSON.readTree("{\"id\":7,\"amount\":5}"))));
    assertThat(trig.status()).as(trig.toString()).isEqualTo(202);
    String manualRun = trig.json().get("runIds").get(0).asText();
    JsonNode mr = await("/api/v1/runs/" + manualRun, j -> j.has("status"));
    assertThat(mr.get("status").asText()).isEqualTo("success");
    assertThat(mr.get("manual").asBoolean()).isTrue();
    assertThat(mr.get("published").asLong()).isEqualTo(1);
    assertThat(mr.get("errors").asLong()).isZero();
    OutputFiles.awaitTrue(() -> lines().contains("{\"id\":7,\"amount\":5,\"ratio\":20}"));

    // Deleting error records.
    Api.Response del = admin.delete("/api/v1/error-records?flow=Ratios&stage=compute");
    assertThat(del.json().toString()).isEqualTo("{\"deleted\":1}");

    // No ingest token (they all start flowi_) in the server's log nor in what the jobs printed,
    // yet the log did record the ingest requests that carried the token.
    String log = serverLogSinceStart();
    assertThat(log).contains("POST /api/v1/ingest/" + depId + "/runs 2");
    assertThat(log).doesNotContain("flowi_");
    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("flowi_");
  }

  String serverLogSinceStart() throws Exception {
    byte[] all = Files.readAllBytes(SERVER_LOG);
    return new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8);
  }

  @Test
  void badRequests() {
    String yaml = FLOW.formatted("100 / amount", out.toAbsolutePath());
    String flowId = admin.post("/api/v1/flows", Map.of("yaml", yaml)).json().get("id").asText();
    assertProblem(
        admin.post("/api/v1/flows/" + flowId + "/trigger", Map.of("records", List.of())),
        400,
        "'records' must hold at least one record");
    assertProblem(
        admin.post("/api/v1/flows/" + flowId + "/trigger", Map.of("records", List.of(1))),
        400,
        "records[0] must be a JSON object");
    assertProblem(
        admin.post(
            "/api/v1/flows/" + flowId + "/trigger",
            Map.of("records", List.of(Map.of("id", 1)), "version", 9)),
        404,
        "flow Ratios has no version 9");
    assertProblem(
        admin.post("/api/v1/flows/" + flowId + "/trigger", Map.of("recs", List.of())),
        400,
        "unknown field 'recs'; known fields: parameterSets, records, version");
    assertProblem(
        admin.post("/api/v1/error-records/replay", Map.of("ids", List.of(123456))),
        404,
        "no error record 123456");
    assertProblem(
        admin.get("/api/v1/runs?status=failed"),
        400,
        "'status' must be success or error, not 'failed'");
    assertProblem(
        admin.get("/api/v1/runs?size=0"), 400, "'size' must be an integer from 1 to 500, not '0'");
    assertProblem(
        admin.get("/api/v1/runs?from=yesterday"),
        400,
        "'from' must be an ISO instant such as 2026-01-31T12:00:00Z, not 'yesterday'");
    assertProblem(admin.get("/api/v1/runs/nope"), 404, "no run nope");
    assertProblem(
        admin.get("/api/v1/error-records/x"), 400, "an error record id is a number, not 'x'");
    assertProblem(
        admin.delete("/api/v1/error-records"),
        400,
        "'flow' is required: the flow whose error records to delete");
    // The ingest API takes the job's token only, never an API token.
    assertProblem(
        admin.postBytes("/api/v1/ingest/abc/runs", "application/x-ndjson", new byte[0]),
        401,
        "the token is not valid for abc");
    String reader =
        admin
            .post("/api/v1/tokens", Map.of("name", "r", "role", "read"))
            .json()
            .get("token")
            .asText();
    assertProblem(
        admin
            .as(reader)
            .post(
                "/api/v1/flows/" + flowId + "/trigger",
                Map.of("records", List.of(Map.of("id", 1)))),
        403,
        "token 'r' has the role read; this needs edit");
  }

  /**
   * A flow saved with no parameter sets, deployed with set {@code dest}: its manual runs and the
   * replay of its error record take the deployment's set (without it, {@code ${dest__dir}} is
   * unresolved and the run is refused).
   */
  @Test
  void manualRunsAndReplaysOfADeployedFlowUseTheDeploymentsParameterSets() throws Exception {
    Path deployed = Files.createDirectories(out.resolve("deployed"));
    Api.Response set =
        admin.post(
            "/api/v1/parameter-sets",
            Map.of(
                "name",
                "dest",
                "parameters",
                Map.of(
                    "dir",
                    Map.of("value", deployed.toAbsolutePath().toString(), "secret", false))));
    assertThat(set.status()).as(set.toString()).isEqualTo(201);
    String yaml = FLOW.formatted("100 / amount", "${dest__dir}");
    Api.Response created = admin.post("/api/v1/flows", Map.of("yaml", yaml));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String flowId = created.json().get("id").asText();
    Api.Response dep =
        admin.post(
            "/api/v1/deployments",
            Map.of("flowId", flowId, "environment", "local", "parameterSets", List.of("dest")));
    assertThat(dep.status()).as(dep.toString()).isEqualTo(201);
    String depId = dep.json().get("id").asText();
    JsonNode er =
        await("/api/v1/error-records?flow=Ratios", j -> j.get("total").asInt() == 1)
            .get("items")
            .get(0);
    assertThat(er.get("deploymentId").asText()).isEqualTo(depId);

    Api.Response trig =
        admin.post(
            "/api/v1/flows/" + flowId + "/trigger",
            Map.of("records", List.of(Api.JSON.readTree("{\"id\":7,\"amount\":5}"))));
    assertThat(trig.status()).as(trig.toString()).isEqualTo(202);
    JsonNode mr =
        await("/api/v1/runs/" + trig.json().get("runIds").get(0).asText(), j -> j.has("status"));
    assertThat(mr.get("status").asText()).as(mr.toString()).isEqualTo("success");
    assertThat(mr.get("published").asLong()).isEqualTo(1);

    Api.Response fixed =
        admin.put(
            "/api/v1/flows/" + flowId,
            Map.of(
                "baseVersion",
                1,
                "yaml",
                FLOW.formatted("\"amount == 0 ? 0 : 100 / amount\"", "${dest__dir}")));
    assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
    Api.Response replay =
        admin.post("/api/v1/error-records/replay", Map.of("ids", List.of(er.get("id").asLong())));
    assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
    JsonNode rr =
        await("/api/v1/runs/" + replay.json().get("runIds").get(0).asText(), j -> j.has("status"));
    assertThat(rr.get("status").asText()).as(rr.toString()).isEqualTo("success");
    assertThat(rr.get("version").asInt()).isEqualTo(2);
    OutputFiles.awaitTrue(
        () ->
            OutputFiles.lines(deployed)
                .containsAll(
                    List.of(
                        "{\"id\":1,\"amount\":4,\"ratio\":25}",
                        "{\"id\":7,\"amount\":5,\"ratio\":20}",
                        "{\"id\":2,\"amount\":0,\"ratio\":0}")));
    assertThat(OutputFiles.lines(deployed)).hasSize(3);
  }

  static final String EXPECTED_ERROR =
      "division by zero (in expression \"100 / amount\" at column 5)";

  private static void assertProblem(Api.Response r, int status, String detail) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("detail").asText()).isEqualTo(detail);
  }

  private List<String> lines() {
    return OutputFiles.lines(out);
  }

  private JsonNode await(String path, Predicate<JsonNode> done) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Api.Response last = null;
    while (System.nanoTime() < end) {
      last = admin.get(path);
      if (last.status() == 200 && done.test(last.json())) {
        return last.json();
      }
      Thread.sleep(300);
    }
    throw new AssertionError("timed out waiting on " + path + ": " + last);
  }

  private static JsonNode find(JsonNode items, String field, String value) {
    for (JsonNode n : items) {
      if (value.equals(n.path(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no item with " + field + "=" + value + " in " + items);
  }

  /** Copies what a stream prints into a buffer as well. */
  static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      synchronized (b) {
        b.write(c);
      }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      synchronized (b) {
        b.write(buf, off, len);
      }
    }
  }
}

package dev.flow.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.deploy.engine.testing.StandaloneCluster;
import dev.flow.server.testing.OutputFiles;
import dev.flow.server.testing.ServerWithCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deployment on the real standalone cluster of {@code deploy/local} (the flink-session engine)
 * reports its runs and error records to the server, which stores them: the exact run rows and the
 * error record, through the API. The deployment's secret parameter is used by the job, yet shows
 * nowhere: not in Flink's REST API (the job's config, plan and details, the uploaded jars), not in
 * the cluster's logs, not in the server's log; nor does the ingest token.
 */
class SessionRunsITCase {
  static final String SECRET = "srun-" + Long.toHexString(System.nanoTime()) + "-secret";
  static final String EXPECTED_ERROR =
      "division by zero (in expression \"<an expression that uses a secret parameter>\" at"
          + " column 5)";

  static final String FLOW =
      """
      name: Ratios
      settings:
        parallelism: 1
      stages:
        - name: orders
          action: Inline Records
          props:
            records:
              - {id: 1, amount: 4}
              - {id: 2, amount: 0}
          out: [signed]
        - name: signed
          action: Filter
          props:
            condition: "'${auth__key}' != ''"
          out: [compute]
        - name: compute
          action: Map
          props:
            fields:
              ratio: 100 / amount + size('${auth__key}') * 0
          out: [save]
        - name: save
          action: Write to File
          props:
            path: ${sink__dir}
          out: []
      """;

  static ServerWithCluster env;
  static StandaloneCluster cluster;
  static Path out;

  @BeforeAll
  static void start() throws Exception {
    env = ServerWithCluster.start("session-runs", 1, 2);
    cluster = env.cluster();
    out = Files.createDirectories(env.data().resolve("out")).toAbsolutePath();
  }

  @AfterAll
  static void stop() throws Exception {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void runsAndErrorRecordsReachTheServerAndNoSecretShowsInFlinkOrTheLogs() throws Exception {
    env.createParameterSet("sink", Map.of("dir", out.toString()), Map.of());
    env.createParameterSet("auth", Map.of(), Map.of("key", SECRET));
    String flowId =
        call(
                "POST",
                "/api/v1/flows",
                Map.of("yaml", FLOW, "parameterSets", List.of("sink", "auth")),
                201)
            .get("id")
            .asText();
    env.createClusterEnvironment();
    String depId =
        call("POST", "/api/v1/deployments", Map.of("flowId", flowId, "environment", "cluster"), 201)
            .get("id")
            .asText();

    JsonNode runs = await("/api/v1/runs?flow=Ratios", j -> j.get("total").asInt() == 2);
    JsonNode ok = find(runs.get("items"), "status", "success");
    JsonNode failed = find(runs.get("items"), "status", "error");
    for (JsonNode r : List.of(ok, failed)) {
      assertThat(r.get("flow").asText()).isEqualTo("Ratios");
      assertThat(r.get("flowId").asText()).isEqualTo(flowId);
      assertThat(r.get("deploymentId").asText()).isEqualTo(depId);
      assertThat(r.get("version").asInt()).isEqualTo(1);
      assertThat(r.get("environment").asText()).isEqualTo("cluster");
      assertThat(r.get("manual").asBoolean()).isFalse();
      assertThat(r.get("trigger").asText()).as(runs.toString()).isEqualTo("orders");
    }
    assertThat(ok.get("published").asLong()).isEqualTo(1);
    assertThat(ok.get("errors").asLong()).isZero();
    assertThat(ok.get("failedStage").isNull()).isTrue();
    assertThat(ok.get("error").isNull()).isTrue();
    assertThat(failed.get("published").asLong()).isZero();
    assertThat(failed.get("errors").asLong()).isEqualTo(1);
    assertThat(failed.get("failedStage").asText()).isEqualTo("compute");
    assertThat(failed.get("error").asText()).isEqualTo(EXPECTED_ERROR);
    assertThat(
            call("GET", "/api/v1/runs?deployment=" + depId + "&status=error", null, 200)
                .get("total")
                .asInt())
        .isEqualTo(1);

    JsonNode errors = await("/api/v1/error-records?flow=Ratios", j -> j.get("total").asInt() == 1);
    JsonNode er = errors.get("items").get(0);
    assertThat(er.get("stage").asText()).isEqualTo("compute");
    assertThat(er.get("action").asText()).isEqualTo("Map");
    assertThat(er.get("error").asText()).isEqualTo(EXPECTED_ERROR);
    assertThat(er.get("policy").asText()).isEqualTo("ORIGINAL_RECORD");
    assertThat(er.get("record").toString()).isEqualTo("{\"id\":2,\"amount\":0}");
    assertThat(er.get("runId").asText()).isEqualTo(failed.get("runId").asText());
    assertThat(er.get("deploymentId").asText()).isEqualTo(depId);

    // The job ran with the secret (the filter let both records through) ...
    OutputFiles.awaitTrue(
        () -> OutputFiles.lines(out).contains("{\"id\":1,\"amount\":4,\"ratio\":25}"));
    assertThat(OutputFiles.lines(out)).containsExactly("{\"id\":1,\"amount\":4,\"ratio\":25}");
    JsonNode d = call("GET", "/api/v1/deployments/" + depId, null, 200);
    String job = d.get("jobId").asText();
    assertThat(job).matches("[0-9a-f]{32}");

    // ... yet neither it nor the ingest token shows in Flink's REST API ...
    List<String> seen = new ArrayList<>();
    for (String path :
        List.of(
            "/jobs/" + job,
            "/jobs/" + job + "/config",
            "/jobs/" + job + "/plan",
            "/jobs/" + job + "/exceptions",
            "/jobs/" + job + "/jobmanager/config",
            "/jobs/" + job + "/jobmanager/environment",
            "/jobs/" + job + "/checkpoints/config",
            "/jobs/overview",
            "/taskmanagers",
            "/jars",
            "/jobmanager/config")) {
      String body = env.flinkRest(path);
      seen.add(body);
      assertThat(body).as(path).doesNotContain(SECRET).doesNotContain("flowi_");
    }
    // (the job's config is there, with the job's arguments held by Flink)
    assertThat(seen.get(1)).contains("\"jid\":\"" + job + "\"");
    // ... nor in the cluster's logs, nor in the server's.
    assertThat(cluster.logs()).contains(job).doesNotContain(SECRET).doesNotContain("flowi_");
    // Each process's log file on its own: the JobManager's and the TaskManager's, which ran it.
    Map<String, String> logs = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(cluster.clusterDir().resolve("log"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        logs.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(logs.keySet()).contains("jobmanager.log").anyMatch(n -> n.startsWith("taskmanager"));
    assertThat(logs.get("jobmanager.log")).contains(job);
    assertThat(
            logs.entrySet().stream()
                .filter(e -> e.getKey().startsWith("taskmanager"))
                .map(Map.Entry::getValue)
                .anyMatch(t -> t.contains("compute")))
        .isTrue();
    logs.forEach(
        (name, text) -> assertThat(text).as(name).doesNotContain(SECRET).doesNotContain("flowi_"));
    // The recorded run outcomes (the runs of the deployment) and error records, as stored.
    String stored =
        call("GET", "/api/v1/runs?deployment=" + depId, null, 200).toString()
            + call("GET", "/api/v1/error-records?flow=Ratios", null, 200).toString();
    assertThat(stored).contains(failed.get("runId").asText()).doesNotContain(SECRET);
    // Nor in any file the server wrote for them (the flow's own output aside).
    List<String> holding = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.getParent())) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(out)).toList()) {
        if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(SECRET)) {
          holding.add(out.getParent().relativize(f).toString());
        }
      }
    }
    assertThat(holding).isEmpty();
    // The tests' log4j configuration writes the server's log to target/server-test.log.
    String log = Files.readString(Path.of("target", "server-test.log"), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("POST /api/v1/deployments 201")
        .doesNotContain(SECRET)
        .doesNotContain("flowi_");
  }

  static JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < end) {
      last = call("GET", path, null, 200);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("timed out waiting on " + path + ": " + last);
  }

  static JsonNode find(JsonNode items, String field, String value) {
    for (JsonNode n : items) {
      if (value.equals(n.path(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no item with " + field + "=" + value + " in " + items);
  }

  static JsonNode call(String method, String path, Object body, int status) {
    return env.call(method, path, body, status);
  }
}

package dev.flow.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.server.deploy.engine.testing.StandaloneCluster;
import dev.flow.server.testing.ServerWithCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deployments through the REST API on the real standalone cluster of {@code deploy/local}: deploy a
 * Kafka, Deduplicate, Kafka flow, upgrade it mid-stream with nothing lost or repeated
 * (read_committed), refuse an incompatible upgrade with the located finding while the job runs on,
 * roll back, kill the TaskManager and see the restart, restart the server and find its records
 * matching the cluster, and no secret in Flink.
 */
class DeploymentsITCase {
  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "dep-" + Long.toHexString(System.nanoTime()) + "-secret";

  static ServerWithCluster env;
  static StandaloneCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    env = ServerWithCluster.start("deployments", 1, 4);
    cluster = env.cluster();
  }

  @AfterAll
  static void stop() throws Exception {
    if (env != null) {
      env.close();
    }
  }

  static String flow(String dedupeName, boolean tag) {
    return """
        name: orders
        settings:
          parallelism: 1
          checkpointing:
            interval: 1s
        stages:
          - name: orders
            action: Kafka Trigger
            props:
              bootstrapServers: ${kafka__bootstrap}
              topics: [d-in]
              groupId: d-orders
              startFrom: earliest
              properties:
                ssl.key.password: ${kafka__password}
            out: [%s]
          - name: %s
            action: Deduplicate
            props:
              keyField: id
              ttl: 1h
            out: [%s]
        %s
          - name: sink
            action: Kafka Publisher
            props:
              bootstrapServers: ${kafka__bootstrap}
              topic: d-out
              keyField: id
              delivery: exactly-once
              transactionalIdPrefix: d-orders
              transactionTimeout: 60s
            out: []
        """
        .formatted(
            dedupeName,
            dedupeName,
            tag ? "tag" : "sink",
            tag
                ? "  - name: tag\n    action: Remap Fields\n    props:\n      rename: {payload: body}\n    out: [sink]"
                : "");
  }

  @Test
  void deployUpgradeRefuseRollBackSurviveAKillAndAServerRestart() throws Exception {
    KAFKA.createTopic("d-in", 2);
    KAFKA.createTopic("d-out", 2);
    env.createParameterSet(
        "kafka", Map.of("bootstrap", KAFKA.bootstrapServers()), Map.of("password", SECRET));
    JsonNode f =
        call(
            "POST",
            "/api/v1/flows",
            Map.of("yaml", flow("unique", false), "parameterSets", List.of("kafka")),
            201);
    String flowId = f.get("id").asText();
    call(
        "PUT",
        "/api/v1/flows/" + flowId,
        Map.of("baseVersion", 1, "yaml", flow("unique", true)),
        200);
    call(
        "PUT",
        "/api/v1/flows/" + flowId,
        Map.of("baseVersion", 2, "yaml", flow("dedupe", true)),
        200);
    env.createClusterEnvironment();
    assertThat(call("GET", "/api/v1/environments", null, 200).get("items"))
        .extracting(n -> n.get("name").asText())
        .containsExactly("cluster", "local");

    JsonNode d =
        call(
            "POST",
            "/api/v1/deployments",
            Map.of("flowId", flowId, "environment", "cluster", "version", 1),
            201);
    String id = d.get("id").asText();
    JsonNode live = awaitEngine(id, "RUNNING");
    String job1 = live.at("/engine/jobId").asText();
    assertThat(live.at("/engine/webUrl").asText())
        .isEqualTo(cluster.restUrl() + "/#/job/running/" + job1 + "/overview");

    // Ids 1..300 as a steady stream, with the upgrade to version 2 in the middle of it; ids 1..50
    // are sent again after the upgrade, which the restored Deduplicate state must drop.
    Thread producer =
        new Thread(
            () -> {
              try {
                for (int i = 1; i <= 300; i += 10) {
                  KAFKA.produce("d-in", ids(i, i + 9));
                  Thread.sleep(100);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    producer.start();
    Thread.sleep(1500);
    JsonNode up =
        call("POST", "/api/v1/deployments/" + id + "/upgrade", Map.of("toVersion", 2), 200);
    assertThat(up.get("version").asInt()).isEqualTo(2);
    assertThat(up.get("previousVersion").asInt()).isEqualTo(1);
    assertThat(up.get("savepoint").asText()).startsWith("file:");
    producer.join();
    KAFKA.produce("d-in", ids(1, 50));
    awaitEngine(id, "RUNNING");
    List<String> out = KAFKA.readCommittedValues("d-out", 300, Duration.ofSeconds(60));
    Thread.sleep(3000);
    out = KAFKA.readCommittedValues("d-out", 300, Duration.ofSeconds(10));
    List<Integer> seen = out.stream().map(v -> read(v).get("id").asInt()).toList();
    assertThat(seen).hasSize(300);
    assertThat(new HashSet<>(seen))
        .hasSize(300)
        .containsAll(IntStream.rangeClosed(1, 300).boxed().toList());

    // Version 3 renames the stateful stage: refused with the located finding, the job untouched.
    String job2 = call("GET", "/api/v1/deployments/" + id, null, 200).get("jobId").asText();
    JsonNode refused =
        call("POST", "/api/v1/deployments/" + id + "/upgrade", Map.of("toVersion", 3), 409);
    assertThat(refused.get("type").asText())
        .isEqualTo("https://flow.dev/problems/incompatible-upgrade");
    assertThat(refused.get("problems").toString())
        .contains("\"stage\":\"dedupe\"")
        .contains("\"line\":");
    JsonNode after = awaitEngine(id, "RUNNING");
    assertThat(after.get("jobId").asText()).isEqualTo(job2);
    assertThat(after.get("version").asInt()).isEqualTo(2);

    JsonNode back = call("POST", "/api/v1/deployments/" + id + "/rollback", null, 200);
    assertThat(back.get("version").asInt()).isEqualTo(1);
    String job3 = awaitEngine(id, "RUNNING").get("jobId").asText();
    assertThat(job3).isNotEqualTo(job2);

    // A TaskManager dies: the status shows the restart, then running again.
    cluster.killTaskManager();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode failing = call("GET", "/api/v1/deployments/" + id, null, 200);
    while ((failing.at("/engine/restarts").asLong() < 1
            || !failing.at("/engine/rootCause").isTextual())
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
      failing = call("GET", "/api/v1/deployments/" + id, null, 200);
    }
    assertThat(failing.at("/engine/restarts").asLong()).as(failing.toString()).isEqualTo(1);
    assertThat(failing.at("/engine/rootCause").asText()).contains("tm-");
    cluster.addTaskManager();
    JsonNode restarted = awaitEngine(id, "RUNNING");
    assertThat(restarted.at("/engine/restarts").asLong()).isGreaterThanOrEqualTo(1);

    // The server restarts: its records still match the cluster.
    env.restartServer();
    JsonNode again = awaitEngine(id, "RUNNING");
    assertThat(again.get("jobId").asText()).isEqualTo(job3);
    JsonNode overview = JSON.readTree(env.flinkRest("/jobs/overview"));
    List<String> running = new java.util.ArrayList<>();
    overview
        .get("jobs")
        .forEach(
            j -> {
              if (j.get("state").asText().equals("RUNNING")) running.add(j.get("jid").asText());
            });
    assertThat(running).containsExactly(job3);

    JsonNode history =
        call("GET", "/api/v1/deployments/" + id + "/history", null, 200).get("items");
    List<String> actions = new java.util.ArrayList<>();
    history.forEach(a -> actions.add(a.get("action").asText()));
    assertThat(actions).containsSubsequence("deploy", "upgrade", "rollback");
    history.forEach(
        a -> {
          if (Set.of("upgrade", "rollback").contains(a.get("action").asText())) {
            assertThat(a.get("savepoint").asText()).startsWith("file:");
            assertThat(a.get("actor").asText()).isNotBlank();
          }
        });

    for (String job : List.of(job1, job2, job3)) {
      assertThat(env.flinkRest("/jobs/" + job + "/config")).doesNotContain(SECRET);
    }
    assertThat(cluster.logs()).doesNotContain(SECRET);
    call("POST", "/api/v1/deployments/" + id + "/stop", Map.of("savepoint", true), 200);
    assertThat(call("GET", "/api/v1/deployments/" + id, null, 200).get("state").asText())
        .isEqualTo("STOPPED");
  }

  static List<String> ids(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "{\"id\":" + i + ",\"payload\":\"p" + i + "\"}")
        .toList();
  }

  static JsonNode read(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode awaitEngine(String id, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode d = call("GET", "/api/v1/deployments/" + id, null, 200);
    while (!state.equals(d.at("/engine/state").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      d = call("GET", "/api/v1/deployments/" + id, null, 200);
    }
    assertThat(d.at("/engine/state").asText()).as(d.toString()).isEqualTo(state);
    return d;
  }

  static JsonNode call(String method, String path, Object body, int status) {
    return env.call(method, path, body, status);
  }
}

package dev.flow.server.factory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.server.testing.ServerWithCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A factory of two flows connected through a Kafka topic, deployed through the server to the real
 * standalone cluster of {@code deploy/local}: a deploy that fails at the consumer rolls the
 * producer back and says so; then the factory deploys producer first, records pass through both
 * members to the end topic, the status aggregates both; an upgrade that would drop a member's state
 * is refused untouched, a compatible one moves only the changed member through its savepoint with
 * nothing lost or repeated; and stop stops the consumer first.
 */
class FactoryDeployITCase {
  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  static ServerWithCluster env;

  @BeforeAll
  static void start() throws Exception {
    env = ServerWithCluster.start("factories", 1, 4);
  }

  @AfterAll
  static void stop() throws Exception {
    if (env != null) {
      env.close();
    }
  }

  static String flow(String name, String from, String to, String mark) {
    return """
        name: %s
        settings:
          parallelism: 1
          checkpointing:
            interval: 1s
        stages:
          - name: in
            action: Kafka Trigger
            props:
              bootstrapServers: ${kafka__bootstrap}
              topics: [%s]
              groupId: %s
              startFrom: earliest
            out: [mark]
          - name: mark
            action: Remap Fields
            props:
              set: {%s: true}
            out: [out]
          - name: out
            action: Kafka Publisher
            props:
              bootstrapServers: ${kafka__bootstrap}
              topic: %s
              keyField: id
              delivery: exactly-once
              transactionalIdPrefix: %s
              transactionTimeout: 60s
            out: []
        """
        .formatted(name, from, name, mark, to, name);
  }

  @Test
  void deployRollBackFlowThroughBothMembersAndStopConsumersFirst() throws Exception {
    KAFKA.createTopic("f-in", 1);
    KAFKA.createTopic("f-mid", 1);
    KAFKA.createTopic("f-out", 1);
    env.createParameterSet("kafka", Map.of("bootstrap", KAFKA.bootstrapServers()), Map.of());
    env.createClusterEnvironment();
    String consumerId =
        call(
                "POST",
                "/api/v1/flows",
                Map.of(
                    "yaml",
                    flow("consumer", "f-mid", "f-out", "enriched"),
                    "parameterSets",
                    List.of("kafka")),
                201)
            .get("id")
            .asText();
    call(
        "POST",
        "/api/v1/flows",
        Map.of(
            "yaml",
            flow("producer", "f-in", "f-mid", "received"),
            "parameterSets",
            List.of("kafka")),
        201);
    // The consumer first in the file: the order comes from the topic they share.
    String factory =
        call(
                "POST",
                "/api/v1/factories",
                Map.of(
                    "yaml",
                    "name: pair\nparameterSets: [kafka.yaml]\nflows:\n"
                        + "  - catalog: consumer\n  - catalog: producer\n",
                    "parameterSets",
                    Map.of("kafka.yaml", "kafka")),
                201)
            .get("id")
            .asText();
    assertThat(
            call("POST", "/api/v1/factories/" + factory + "/validate", null, 200)
                .get("order")
                .toString())
        .isEqualTo("[\"producer\",\"consumer\"]");

    // The consumer already runs alone: the factory's deploy fails there, and the producer it had
    // started is rolled back.
    String alone =
        call(
                "POST",
                "/api/v1/deployments",
                Map.of("flowId", consumerId, "environment", "cluster"),
                201)
            .get("id")
            .asText();
    JsonNode failed =
        call(
            "POST",
            "/api/v1/factories/" + factory + "/deploy",
            Map.of("environment", "cluster"),
            409);
    assertThat(failed.get("type").asText())
        .isEqualTo("https://flow.dev/problems/factory-deploy-failed");
    assertThat(failed.get("failedFlow").asText()).isEqualTo("consumer");
    assertThat(failed.get("detail").asText())
        .isEqualTo(
            "member 'consumer' failed to deploy: flow consumer is already deployed to cluster"
                + " (deployment "
                + alone
                + "); upgrade or stop it; rolled back: producer");
    JsonNode record =
        call(
            "GET",
            "/api/v1/factory-deployments/" + failed.get("factoryDeployment").asText(),
            null,
            200);
    assertThat(record.get("state").asText()).isEqualTo("FAILED");
    assertThat(record.get("members").size()).isEqualTo(1);
    assertThat(record.at("/members/0/flow").asText()).isEqualTo("producer");
    assertThat(record.at("/members/0/state").asText()).isEqualTo("STOPPED");
    String rolledBack = record.at("/members/0/deploymentId").asText();
    assertThat(call("GET", "/api/v1/deployments/" + rolledBack, null, 200).get("state").asText())
        .isEqualTo("STOPPED");
    call("POST", "/api/v1/deployments/" + alone + "/stop", null, 200);

    // Now the whole factory: producer first.
    JsonNode d =
        call(
            "POST",
            "/api/v1/factories/" + factory + "/deploy",
            Map.of("environment", "cluster"),
            201);
    String fd = d.get("id").asText();
    assertThat(d.get("state").asText()).isEqualTo("RUNNING");
    assertThat(d.get("version").asInt()).isEqualTo(1);
    assertThat(d.get("members").findValuesAsText("flow")).containsExactly("producer", "consumer");
    String producerDeployment = d.at("/members/0/deploymentId").asText();
    String consumerDeployment = d.at("/members/1/deploymentId").asText();
    assertThat(consumerDeployment).isEqualTo(alone);
    assertThat(at(producerDeployment, "deploy", -1).isBefore(at(consumerDeployment, "deploy", -1)))
        .isTrue();
    awaitRunning(fd);

    List<String> ids = IntStream.rangeClosed(1, 20).mapToObj(i -> "{\"id\":" + i + "}").toList();
    KAFKA.produce("f-in", ids);
    List<String> out = KAFKA.readCommittedValues("f-out", 20, Duration.ofSeconds(90));
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      expected.add("{\"id\":" + i + ",\"received\":true,\"enriched\":true}");
    }
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);

    // Factory version 2 pins a consumer whose Kafka trigger is renamed: its offsets would be lost,
    // so the upgrade is refused with the located finding, and nothing moves.
    String producerJob = jobOf(producerDeployment);
    String consumerJob = jobOf(consumerDeployment);
    String renamed =
        flow("consumer", "f-mid", "f-out", "enriched").replace("- name: in\n", "- name: source\n");
    call("PUT", "/api/v1/flows/" + consumerId, Map.of("baseVersion", 1, "yaml", renamed), 200);
    assertThat(
            call("PUT", "/api/v1/factories/" + factory, Map.of("baseVersion", 1), 200)
                .get("version")
                .asInt())
        .isEqualTo(2);
    JsonNode refused =
        call("POST", "/api/v1/factory-deployments/" + fd + "/upgrade", Map.of("version", 2), 409);
    assertThat(refused.get("type").asText())
        .isEqualTo("https://flow.dev/problems/incompatible-upgrade");
    assertThat(refused.get("detail").asText())
        .isEqualTo(
            "version 2 of factory pair cannot restore the savepoints of version 1; nothing was"
                + " changed. Pass allowStateLoss: true to drop that state.");
    assertThat(refused.get("problems").size()).isEqualTo(1);
    JsonNode finding = refused.get("problems").get(0);
    assertThat(finding.get("stage").asText()).isEqualTo("source");
    assertThat(finding.get("message").asText())
        .startsWith("member 'consumer': renamed from \"in\"?");
    assertThat(finding.get("line").asInt()).isEqualTo(7);
    assertThat(jobOf(producerDeployment)).isEqualTo(producerJob);
    assertThat(jobOf(consumerDeployment)).isEqualTo(consumerJob);

    // Version 3 pins a compatible consumer (another mark): the consumer is upgraded through its
    // savepoint, the producer keeps running untouched, and no record is lost or repeated.
    call(
        "PUT",
        "/api/v1/flows/" + consumerId,
        Map.of("baseVersion", 2, "yaml", flow("consumer", "f-mid", "f-out", "checked")),
        200);
    call("PUT", "/api/v1/factories/" + factory, Map.of("baseVersion", 2), 200);
    JsonNode up =
        call("POST", "/api/v1/factory-deployments/" + fd + "/upgrade", Map.of("version", 3), 200);
    assertThat(up.get("version").asInt()).isEqualTo(3);
    assertThat(up.get("members").findValuesAsText("flow")).containsExactly("producer", "consumer");
    assertThat(up.at("/members/0/version").asInt()).isEqualTo(1);
    assertThat(up.at("/members/1/version").asInt()).isEqualTo(3);
    assertThat(jobOf(producerDeployment)).isEqualTo(producerJob);
    assertThat(jobOf(consumerDeployment)).isNotEqualTo(consumerJob);
    JsonNode consumerNow = call("GET", "/api/v1/deployments/" + consumerDeployment, null, 200);
    assertThat(consumerNow.get("version").asInt()).isEqualTo(3);
    assertThat(consumerNow.get("savepoint").asText()).isNotEmpty();
    awaitRunning(fd);
    KAFKA.produce(
        "f-in", IntStream.rangeClosed(21, 30).mapToObj(i -> "{\"id\":" + i + "}").toList());
    for (int i = 21; i <= 30; i++) {
      expected.add("{\"id\":" + i + ",\"received\":true,\"checked\":true}");
    }
    assertThat(KAFKA.readCommittedValues("f-out", 30, Duration.ofSeconds(90)))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(call("GET", "/api/v1/factory-deployments/" + fd, null, 200).get("version").asInt())
        .isEqualTo(3);

    JsonNode stopped = call("POST", "/api/v1/factory-deployments/" + fd + "/stop", null, 200);
    assertThat(stopped.get("state").asText()).isEqualTo("STOPPED");
    assertThat(stopped.get("members").findValuesAsText("state"))
        .containsExactly("STOPPED", "STOPPED");
    for (String id : List.of(producerDeployment, consumerDeployment)) {
      assertThat(call("GET", "/api/v1/deployments/" + id, null, 200).get("state").asText())
          .isEqualTo("STOPPED");
    }
    assertThat(at(consumerDeployment, "cancel", -1).isBefore(at(producerDeployment, "cancel", -1)))
        .isTrue();
    assertThat(call("GET", "/api/v1/factory-deployments/" + fd, null, 200).get("state").asText())
        .isEqualTo("STOPPED");
    call("POST", "/api/v1/factory-deployments/" + fd + "/stop", null, 409);
  }

  static String jobOf(String deployment) throws Exception {
    return call("GET", "/api/v1/deployments/" + deployment, null, 200).get("jobId").asText();
  }

  /** When the last {@code action} of a deployment's history happened. */
  static Instant at(String deployment, String action, int unused) throws Exception {
    Instant last = null;
    for (JsonNode a :
        call("GET", "/api/v1/deployments/" + deployment + "/history", null, 200).get("items")) {
      if (a.get("action").asText().equals(action)) {
        last = Instant.parse(a.get("at").asText());
      }
    }
    assertThat(last).as(deployment + " " + action).isNotNull();
    return last;
  }

  static void awaitRunning(String fd) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode s = call("GET", "/api/v1/factory-deployments/" + fd, null, 200);
    while (!s.get("members").findValuesAsText("state").equals(List.of("RUNNING", "RUNNING"))
        && System.nanoTime() < deadline) {
      Thread.sleep(500);
      s = call("GET", "/api/v1/factory-deployments/" + fd, null, 200);
    }
    assertThat(s.get("members").findValuesAsText("state"))
        .as(s.toString())
        .containsExactly("RUNNING", "RUNNING");
    assertThat(s.get("state").asText()).isEqualTo("RUNNING");
  }

  static JsonNode call(String method, String path, Object body, int status) {
    return env.call(method, path, body, status);
  }
}

package dev.flow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.testing.Api;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validate, graph, diff, configuration and preview through the API, per store. */
abstract class ToolsApiContract extends ServerBase {
  static final String DEDUPE = read("../flow-job/src/test/resources/flows/dedupe-counts.yaml");

  @Test
  void validateGraphDiff() {
    String id = create(admin, "default", Map.of("yaml", QUICKSTART)).get("id").asText();
    Api.Response v = admin.post("/api/v1/flows/" + id + "/validate", "");
    assertThat(v.text()).isEqualTo("{\"valid\":true,\"problems\":[]}");
    Api.Response bad =
        admin.post(
            "/api/v1/validate",
            Map.of("yaml", "name: x\nstages:\n  - name: a\n    action: Nope\n    out: []\n"));
    JsonNode p = bad.json().get("problems").get(0);
    assertThat(bad.json().get("valid").asBoolean()).isFalse();
    assertThat(p.get("file").asText()).isEqualTo("flow.yaml");
    assertThat(p.get("line").asInt()).isEqualTo(4);
    assertThat(p.get("column").asInt()).isEqualTo(13);
    assertThat(p.get("stage").asText()).isEqualTo("a");
    assertThat(p.get("severity").asText()).isEqualTo("error");
    assertThat(p.get("message").asText()).isEqualTo("unknown action 'Nope'");

    JsonNode g = admin.get("/api/v1/flows/" + id + "/graph").json();
    assertThat(g.get("svg").asText()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(g.get("nodes").findValuesAsText("name"))
        .containsExactly("orders", "tidy", "big orders", "add totals", "print");
    assertThat(g.get("nodes").get(0).get("kind").asText()).isEqualTo("trigger");
    assertThat(g.get("nodes").get(1).get("x").asDouble())
        .isGreaterThan(g.get("nodes").get(0).get("x").asDouble());
    assertThat(g.get("edges").get(0).toString()).isEqualTo("{\"from\":\"orders\",\"to\":\"tidy\"}");
    assertThat(g.get("edges")).hasSize(4);

    String did = create(admin, "default", Map.of("yaml", DEDUPE)).get("id").asText();
    String rekeyed = DEDUPE.replace("keyField: user", "keyField: id");
    assertThat(
            admin.put("/api/v1/flows/" + did, Map.of("baseVersion", 1, "yaml", rekeyed)).status())
        .isEqualTo(200);
    JsonNode d = admin.get("/api/v1/flows/" + did + "/diff?from=1&to=2").json();
    assertThat(d.get("textDiff").asText())
        .contains("--- flow.yaml@1\n+++ flow.yaml@2\n")
        .contains("\n-    props: {keyField: user, ttl: 1h}\n+    props: {keyField: id, ttl: 1h}\n");
    assertThat(d.get("compatible").asBoolean()).isFalse();
    JsonNode f = d.get("findings").get(0);
    assertThat(f.get("stage").asText()).isEqualTo("dedupe");
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("line").asInt()).isEqualTo(7);
    assertThat(admin.get("/api/v1/flows/" + did + "/diff?from=1").status()).isEqualTo(400);
  }

  @Test
  void configurationIsReadAndEditedInTheYaml() {
    String id = create(admin, "default", Map.of("yaml", QUICKSTART)).get("id").asText();
    JsonNode c = admin.get("/api/v1/flows/" + id + "/configuration").json();
    assertThat(c.get("baseVersion").asInt()).isEqualTo(1);
    assertThat(c.get("settings").get("errors.action").asText()).isEqualTo("Log");
    assertThat(c.get("settings").get("errors.policy").asText()).isEqualTo("ORIGINAL_RECORD");
    assertThat(c.get("settings").get("checkpointing.interval").asText()).isEqualTo("10s");
    assertThat(c.get("settings").get("restart.strategy").asText()).isEqualTo("exponential-delay");

    Map<String, Object> set = new LinkedHashMap<>();
    set.put("errors.policy", "STAGE_RECORD");
    set.put("checkpointing.interval", "30s");
    set.put("errors.action", "Trash");
    Api.Response r =
        admin.patch("/api/v1/flows/" + id + "/configuration", Map.of("baseVersion", 1, "set", set));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("version").asInt()).isEqualTo(2);
    assertThat(r.json().get("yaml").asText())
        .isEqualTo(
            QUICKSTART
                + "settings:\n  checkpointing:\n    interval: 30s\n  errors:\n    action: Trash\n"
                + "    policy: STAGE_RECORD\n");
    JsonNode after = admin.get("/api/v1/flows/" + id + "/configuration").json();
    assertThat(after.get("settings").get("errors.policy").asText()).isEqualTo("STAGE_RECORD");
    assertThat(after.get("baseVersion").asInt()).isEqualTo(2);
    JsonNode v = admin.get("/api/v1/flows/" + id + "/versions/2").json();
    assertThat(v.get("message").asText())
        .isEqualTo("set checkpointing.interval, errors.action, errors.policy");

    Api.Response stale =
        admin.patch(
            "/api/v1/flows/" + id + "/configuration",
            Map.of("baseVersion", 1, "set", Map.of("parallelism", 2)));
    assertThat(stale.status()).isEqualTo(409);
    Api.Response invalid =
        admin.patch(
            "/api/v1/flows/" + id + "/configuration",
            Map.of("baseVersion", 2, "set", Map.of("errors.policy", "BOGUS")));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("type").asText())
        .isEqualTo("https://flow.dev/problems/invalid-flow");
    assertThat(invalid.json().get("problems").get(0).get("line").asInt()).isGreaterThan(40);
    Api.Response unknown =
        admin.patch(
            "/api/v1/flows/" + id + "/configuration",
            Map.of("baseVersion", 2, "set", Map.of("colour", "red")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/flows/" + id).json().get("version").asInt()).isEqualTo(2);
  }

  @Test
  void previewRunsTheRealEngine() {
    String id = create(admin, "default", Map.of("yaml", QUICKSTART)).get("id").asText();
    Api.Response r =
        admin.post("/api/v1/flows/" + id + "/preview", Map.of("limit", 10, "timeoutSeconds", 60));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode stages = r.json().get("stages");
    assertThat(
            java.util.stream.StreamSupport.stream(stages.spliterator(), false)
                .map(n -> n.get("name").asText())
                .toList())
        .containsExactly("orders", "tidy", "big orders", "add totals", "print");
    JsonNode big = stages.get(2);
    assertThat(big.get("input")).hasSize(3);
    assertThat(big.get("output").findValuesAsText("id")).containsExactly("1", "3");
    Api.Response sample =
        admin.post(
            "/api/v1/flows/" + id + "/preview",
            Map.of(
                "records",
                java.util.List.of(
                    Map.of(
                        "id",
                        9,
                        "amount",
                        500.0,
                        "qty",
                        2,
                        "country",
                        "DE",
                        "customer",
                        Map.of("name", "Zed", "email", "z@example.com")))));
    assertThat(sample.status()).as(sample.toString()).isEqualTo(200);
    assertThat(sample.json().get("stages").get(3).get("output").get(0).get("unitPrice").asDouble())
        .isEqualTo(250.0);
    assertThat(admin.post("/api/v1/flows/" + id + "/preview", Map.of("limit", 5000)).status())
        .isEqualTo(400);
  }
}

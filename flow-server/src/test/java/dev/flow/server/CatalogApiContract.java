package dev.flow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.testing.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Every catalog operation through the REST API, with exact statuses and bodies; run once per store
 * by the subclasses (H2 and PostgreSQL).
 */
abstract class CatalogApiContract extends ServerBase {

  @Test
  void healthNeedsNoToken() {
    Api.Response r = admin.as(null).get("/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void createGetListUpdateDuplicateDelete() {
    JsonNode f =
        create(admin, "default", Map.of("yaml", QUICKSTART, "labels", Map.of("team", "a")));
    String id = f.get("id").asText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(f.get("project").asText()).isEqualTo("default");
    assertThat(f.get("name").asText()).isEqualTo("Quick start");
    assertThat(f.get("description").asText()).isEmpty();
    assertThat(f.get("labels").toString()).isEqualTo("{\"team\":\"a\"}");
    assertThat(f.get("version").asInt()).isEqualTo(1);
    assertThat(f.get("parameterSets").toString()).isEqualTo("[]");
    assertThat(f.get("createdAt").asText()).isEqualTo(f.get("updatedAt").asText());
    assertThat(f.get("yaml").asText()).isEqualTo(QUICKSTART);

    Api.Response taken = admin.post("/api/v1/flows", Map.of("yaml", QUICKSTART));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.contentType()).isEqualTo("application/problem+json");
    assertThat(taken.json().get("detail").asText())
        .isEqualTo("a flow named 'Quick start' already exists in project 'default'");

    assertThat(admin.get("/api/v1/flows/" + id).json()).isEqualTo(f);
    assertThat(admin.get("/api/v1/flows/by-name/" + Api.enc("Quick start")).json()).isEqualTo(f);
    Api.Response missing = admin.get("/api/v1/flows/by-name/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("detail").asText())
        .isEqualTo("no flow named 'nope' in project 'default'");

    create(admin, "default", Map.of("yaml", "name: other\nstages: []\n", "description", "orders"));
    JsonNode all = admin.get("/api/v1/flows").json();
    assertThat(all.get("total").asInt()).isEqualTo(2);
    assertThat(all.get("items").get(0).get("name").asText()).isEqualTo("Quick start");
    assertThat(all.get("items").get(0).has("yaml")).isFalse();
    assertThat(names(admin.get("/api/v1/flows?label=team=a").json()))
        .containsExactly("Quick start");
    assertThat(names(admin.get("/api/v1/flows?label=team=b").json())).isEmpty();
    assertThat(names(admin.get("/api/v1/flows?name=OTH").json())).containsExactly("other");
    assertThat(names(admin.get("/api/v1/flows?q=orders").json()))
        .containsExactly("Quick start", "other");
    assertThat(names(admin.get("/api/v1/flows?q=Remap").json())).containsExactly("Quick start");
    JsonNode page = admin.get("/api/v1/flows?size=1&page=1").json();
    assertThat(names(page)).containsExactly("other");
    assertThat(page.get("total").asInt()).isEqualTo(2);
    assertThat(admin.get("/api/v1/flows?size=501").status()).isEqualTo(400);

    String v2 = QUICKSTART.replace("amount > 100", "amount > 200");
    Api.Response up =
        admin.put(
            "/api/v1/flows/" + id,
            Map.of("baseVersion", 1, "yaml", v2, "message", "raise the bar", "description", "d"));
    assertThat(up.status()).as(up.toString()).isEqualTo(200);
    assertThat(up.json().get("version").asInt()).isEqualTo(2);
    assertThat(up.json().get("yaml").asText()).isEqualTo(v2);
    assertThat(up.json().get("description").asText()).isEqualTo("d");
    assertThat(up.json().get("labels").toString()).isEqualTo("{\"team\":\"a\"}");

    Api.Response stale = admin.put("/api/v1/flows/" + id, Map.of("baseVersion", 1, "yaml", "x"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("type").asText())
        .isEqualTo("https://flow.dev/problems/stale-version");
    assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);

    JsonNode versions = admin.get("/api/v1/flows/" + id + "/versions").json().get("items");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).get("author").asText()).isEqualTo("admin");
    assertThat(versions.get(1).get("message").asText()).isEqualTo("raise the bar");
    assertThat(versions.get(1).has("yaml")).isFalse();
    JsonNode one = admin.get("/api/v1/flows/" + id + "/versions/1").json();
    assertThat(one.get("yaml").asText()).isEqualTo(QUICKSTART);
    assertThat(admin.get("/api/v1/flows/" + id + "/versions/3").status()).isEqualTo(404);

    Api.Response dup =
        admin.post(
            "/api/v1/flows/" + id + "/duplicate", Map.of("name", "copy", "description", "dd"));
    assertThat(dup.status()).isEqualTo(201);
    assertThat(dup.json().get("name").asText()).isEqualTo("copy");
    assertThat(dup.json().get("description").asText()).isEqualTo("dd");
    assertThat(dup.json().get("version").asInt()).isEqualTo(1);
    assertThat(dup.json().get("yaml").asText()).isEqualTo(v2);
    assertThat(admin.post("/api/v1/flows/" + id + "/duplicate", Map.of("name", "other")).status())
        .isEqualTo(409);

    assertThat(admin.delete("/api/v1/flows/" + id).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/flows/" + id).status()).isEqualTo(404);
    assertThat(admin.delete("/api/v1/flows/" + id).status()).isEqualTo(404);
  }

  @Test
  void badRequestsAreProblems() {
    Api.Response unknown = admin.post("/api/v1/flows", Map.of("yaml", QUICKSTART, "nmae", "x"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
    assertThat(unknown.json().get("detail").asText())
        .isEqualTo(
            "unknown field 'nmae'; known fields: description, labels, message, name,"
                + " parameterSets, yaml");
    Api.Response notJson = admin.post("/api/v1/flows", "{");
    assertThat(notJson.status()).isEqualTo(400);
    Api.Response noProject = admin.get("/api/v1/flows?project=nope");
    assertThat(noProject.status()).isEqualTo(404);
    assertThat(noProject.json().get("detail").asText()).isEqualTo("no project named 'nope'");
    Api.Response route = admin.get("/api/v1/nothing");
    assertThat(route.status()).isEqualTo(404);
    assertThat(route.contentType()).isEqualTo("application/problem+json");
    byte[] big = new byte[11 << 20];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThat(admin.postBytes("/api/v1/flows", "application/json", big).status()).isEqualTo(413);
    Api.Response noBase = admin.put("/api/v1/flows/x", Map.of("yaml", "y"));
    assertThat(noBase.status()).isEqualTo(400);
  }

  @Test
  void projects() {
    Api.Response p = admin.post("/api/v1/projects", Map.of("name", "team-a", "description", "A"));
    assertThat(p.status()).isEqualTo(201);
    assertThat(p.json().get("name").asText()).isEqualTo("team-a");
    assertThat(admin.post("/api/v1/projects", Map.of("name", "team-a")).status()).isEqualTo(409);
    JsonNode list = admin.get("/api/v1/projects").json().get("items");
    assertThat(list.findValuesAsText("name")).containsExactly("default", "team-a");
    create(admin, "team-a", Map.of("yaml", QUICKSTART));
    assertThat(admin.get("/api/v1/flows?project=team-a").json().get("total").asInt()).isEqualTo(1);
    assertThat(admin.get("/api/v1/flows").json().get("total").asInt()).isZero();
    create(admin, "default", Map.of("yaml", QUICKSTART));
  }

  @Test
  void twoConcurrentUpdatesExactlyOneWins() throws Exception {
    String id = create(admin, "default", Map.of("yaml", QUICKSTART)).get("id").asText();
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text = QUICKSTART + "# edit " + i + "\n";
      Callable<Integer> c =
          () -> {
            go.await();
            return admin
                .put("/api/v1/flows/" + id, Map.of("baseVersion", 1, "yaml", text))
                .status();
          };
      results.add(pool.submit(c));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : results) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(n - 1);
    assertThat(admin.get("/api/v1/flows/" + id).json().get("version").asInt()).isEqualTo(2);
    assertThat(admin.get("/api/v1/flows/" + id + "/versions").json().get("items")).hasSize(2);
  }

  @Test
  void tokensAndRoles() {
    Api anonymous = admin.as(null);
    for (var route : server.routes()) {
      if (route.role() == null) {
        continue;
      }
      // Every path parameter, whatever its name, gets a harmless value; a number where one is
      // asked.
      String path = route.path().replace("{n}", "1").replaceAll("\\{[A-Za-z]+\\}", "x");
      Api.Response r = anonymous.send(route.method(), path, null, null);
      assertThat(r.status()).as(route.method() + " " + path).isEqualTo(401);
    }
    assertThat(admin.as("flow_bogus").get("/api/v1/flows").status()).isEqualTo(401);

    Api.Response made = admin.post("/api/v1/tokens", Map.of("name", "reader", "role", "read"));
    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("role").asText()).isEqualTo("read");
    Api reader = admin.as(made.json().get("token").asText());
    String edit =
        admin
            .post("/api/v1/tokens", Map.of("name", "ed", "role", "edit"))
            .json()
            .get("token")
            .asText();
    Api editor = admin.as(edit);
    assertThat(admin.post("/api/v1/tokens", Map.of("name", "ed", "role", "edit")).status())
        .isEqualTo(409);
    assertThat(admin.post("/api/v1/tokens", Map.of("name", "x", "role", "root")).status())
        .isEqualTo(400);

    String id = create(editor, "default", Map.of("yaml", QUICKSTART)).get("id").asText();
    assertThat(
            admin
                .get("/api/v1/flows/" + id + "/versions")
                .json()
                .get("items")
                .get(0)
                .get("author")
                .asText())
        .isEqualTo("ed");
    assertThat(reader.get("/api/v1/flows").status()).isEqualTo(200);
    assertThat(reader.get("/api/v1/flows/" + id).status()).isEqualTo(200);
    assertThat(reader.post("/api/v1/flows/" + id + "/validate", "").status()).isEqualTo(200);
    assertThat(reader.post("/api/v1/validate", Map.of("yaml", QUICKSTART)).status()).isEqualTo(200);
    Api.Response denied = reader.post("/api/v1/flows", Map.of("yaml", "name: y\n"));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().get("detail").asText())
        .isEqualTo("token 'reader' has the role read; this needs edit");
    assertThat(reader.put("/api/v1/flows/" + id, Map.of("baseVersion", 1)).status()).isEqualTo(403);
    assertThat(reader.delete("/api/v1/flows/" + id).status()).isEqualTo(403);
    assertThat(reader.post("/api/v1/parameter-sets", Map.of("name", "p")).status()).isEqualTo(403);
    assertThat(reader.postBytes("/api/v1/import", "application/zip", new byte[1]).status())
        .isEqualTo(403);
    assertThat(reader.get("/api/v1/tokens").status()).isEqualTo(403);
    assertThat(editor.get("/api/v1/tokens").status()).isEqualTo(403);
    assertThat(editor.post("/api/v1/tokens", Map.of("name", "z", "role", "admin")).status())
        .isEqualTo(403);

    JsonNode tokens = admin.get("/api/v1/tokens").json().get("items");
    assertThat(tokens.findValuesAsText("name")).containsExactly("admin", "ed", "reader");
    assertThat(tokens.toString()).doesNotContain(edit);
    assertThat(admin.delete("/api/v1/tokens/reader").status()).isEqualTo(204);
    assertThat(reader.get("/api/v1/flows").status()).isEqualTo(401);
    assertThat(admin.delete("/api/v1/tokens/reader").status()).isEqualTo(404);
  }

  static List<String> names(JsonNode page) {
    return page.get("items").findValuesAsText("name");
  }
}

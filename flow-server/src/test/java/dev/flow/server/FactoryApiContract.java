package dev.flow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.factory.Factories;
import dev.flow.job.graph.FactoryPicture;
import dev.flow.job.graph.FactorySvg;
import dev.flow.server.testing.Api;
import dev.flow.server.testing.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Factories in the catalog: push, create, versions and pins, validate, graph, delete; per store.
 */
abstract class FactoryApiContract extends ServerBase {
  static final Path EXAMPLE = Path.of("../examples/factory");

  /** The example factory's folder as a zip, without its tests. */
  static byte[] exampleZip() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(EXAMPLE)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        files.put(EXAMPLE.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return Zips.of(files);
  }

  Api.Response push(byte[] zip) {
    return admin.postBytes("/api/v1/factories", "application/zip", zip);
  }

  static Map<String, byte[]> exampleFiles() {
    return Zips.bytes(Zips.read(exampleZip()));
  }

  /** Members as "entry=flow@version", in the factory file's order. */
  static List<String> members(JsonNode factory) {
    List<String> out = new java.util.ArrayList<>();
    factory
        .get("members")
        .forEach(
            m ->
                out.add(
                    m.get("entry").asText()
                        + "="
                        + m.get("flow").asText()
                        + "@"
                        + m.get("version").asInt()));
    return out;
  }

  @Test
  void aPushedFolderBecomesFlowsASetAndAFactoryVersionPinningThem() {
    Api.Response r = push(exampleZip());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode f = r.json();
    String id = f.get("id").asText();
    assertThat(f.get("name").asText()).isEqualTo("Signups");
    assertThat(f.get("version").asInt()).isEqualTo(1);
    assertThat(members(f))
        .containsExactly(
            "signup-intake.yaml=Signup intake@1",
            "signup-enrichment.yaml=Signup enrichment@1",
            "daily-metrics.yaml=Daily signup metrics@1");
    assertThat(f.get("parameterSets").toString())
        .isEqualTo("{\"params/signups.yaml\":\"signups\"}");
    assertThat(f.get("yaml").asText()).isEqualTo(read("../examples/factory/factory.yaml"));
    assertThat(admin.get("/api/v1/parameter-sets/signups").json().get("parameters").toString())
        .isEqualTo(
            "{\"bootstrap\":{\"value\":\"localhost:9092\",\"secret\":false},"
                + "\"lake\":{\"value\":\"out/signups-lake\",\"secret\":false},"
                + "\"port\":{\"value\":\"8091\",\"secret\":false}}");
    JsonNode intake = admin.get("/api/v1/flows/by-name/Signup%20intake").json();
    assertThat(intake.get("yaml").asText())
        .isEqualTo(read("../examples/factory/signup-intake.yaml"));

    // The same folder again: a new factory version, the flows unchanged.
    Api.Response again = push(exampleZip());
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("id").asText()).isEqualTo(id);
    assertThat(again.json().get("version").asInt()).isEqualTo(2);
    assertThat(members(again.json())).contains("signup-intake.yaml=Signup intake@1");

    // One flow edited in the folder: that flow gets version 2, the factory's version 3 pins it.
    Map<String, byte[]> files = exampleFiles();
    String edited = read("../examples/factory/signup-intake.yaml") + "# edited\n";
    files.put("signup-intake.yaml", edited.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Api.Response third = push(Zips.of(files));
    assertThat(third.status()).as(third.toString()).isEqualTo(200);
    assertThat(members(third.json()))
        .containsExactly(
            "signup-intake.yaml=Signup intake@2",
            "signup-enrichment.yaml=Signup enrichment@1",
            "daily-metrics.yaml=Daily signup metrics@1");
    // Older versions keep their pins: they are immutable.
    JsonNode v2 = admin.get("/api/v1/factories/" + id + "/versions/2").json();
    assertThat(members(v2)).contains("signup-intake.yaml=Signup intake@1");
    Api.Response versions = admin.get("/api/v1/factories/" + id + "/versions");
    assertThat(versions.status()).isEqualTo(200);
    assertThat(versions.json().get("items").findValuesAsText("author"))
        .containsExactly("admin", "admin", "admin");
    assertThat(versions.json().get("items").get(0).has("yaml")).isFalse();

    Api.Response list = admin.get("/api/v1/factories");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("items").size()).isEqualTo(1);
    assertThat(list.json().get("items").get(0).get("version").asInt()).isEqualTo(3);
    assertThat(list.json().get("items").get(0).has("yaml")).isFalse();
    assertThat(admin.get("/api/v1/factories/by-name/Signups").json().get("id").asText())
        .isEqualTo(id);
    assertThat(admin.get("/api/v1/factories/by-name/Nope").text())
        .isEqualTo(
            "{\"type\":\"https://flow.dev/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"no factory named 'Nope' in project 'default'\"}");
  }

  @Test
  void anUpdateOnAStaleBaseIs409AndAnUpdateRePinsTheFlowsCurrentVersions() {
    String id = push(exampleZip()).json().get("id").asText();
    JsonNode intake = admin.get("/api/v1/flows/by-name/Signup%20intake").json();
    Api.Response edit =
        admin.put(
            "/api/v1/flows/" + intake.get("id").asText(),
            Map.of("baseVersion", 1, "yaml", intake.get("yaml").asText() + "# two\n"));
    assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
    // The factory still pins version 1 of the flow until it gets a new version.
    assertThat(members(admin.get("/api/v1/factories/" + id).json()))
        .contains("signup-intake.yaml=Signup intake@1");

    Api.Response stale =
        admin.put("/api/v1/factories/" + id, Map.of("baseVersion", 0, "message", "x"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.text())
        .isEqualTo(
            "{\"type\":\"https://flow.dev/problems/conflict\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"factory "
                + id
                + " is at version 1, not 0; reload it and apply the change again\","
                + "\"currentVersion\":1}");
    Api.Response up =
        admin.put("/api/v1/factories/" + id, Map.of("baseVersion", 1, "message", "re-pin"));
    assertThat(up.status()).as(up.toString()).isEqualTo(200);
    assertThat(up.json().get("version").asInt()).isEqualTo(2);
    assertThat(members(up.json()))
        .containsExactly(
            "signup-intake.yaml=Signup intake@2",
            "signup-enrichment.yaml=Signup enrichment@1",
            "daily-metrics.yaml=Daily signup metrics@1");
    assertThat(admin.get("/api/v1/factories/" + id + "/versions/2").json().get("message").asText())
        .isEqualTo("re-pin");
    assertThat(admin.get("/api/v1/factories/" + id + "/versions/9").status()).isEqualTo(404);
  }

  @Test
  void validateAndGraphAreTheCommandLines() {
    String id = push(exampleZip()).json().get("id").asText();
    Api.Response v = admin.post("/api/v1/factories/" + id + "/validate", "");
    assertThat(v.status()).isEqualTo(200);
    assertThat(v.text())
        .isEqualTo(
            "{\"valid\":true,\"version\":1,\"problems\":[{\"file\":\"daily-metrics.yaml\","
                + "\"line\":8,\"column\":7,\"stage\":\"signup files\",\"action\":\"Read File\","
                + "\"severity\":\"warning\",\"message\":\"there is no file or directory"
                + " 'out/signups-lake/signups' here (yet)\"}],"
                + "\"order\":[\"Signup intake\",\"Signup enrichment\",\"Daily signup metrics\"]}");
    Api.Response g = admin.get("/api/v1/factories/" + id + "/graph?stages=true");
    assertThat(g.status()).isEqualTo(200);
    String cli =
        FactorySvg.render(
            FactoryPicture.of(
                Factories.validate(EXAMPLE.resolve("factory.yaml"), List.of()), true));
    assertThat(g.json().get("svg").asText()).isEqualTo(cli).contains("kafka-topic signups");
  }

  @Test
  void aFactoryFromItsFileAndCatalogReferences() {
    push(exampleZip());
    String pair =
        "name: Pair\nparameterSets: [signups.yaml]\nflows:\n  - catalog: Signup intake\n"
            + "  - path: enrich.yaml\n";
    Api.Response made =
        admin.post(
            "/api/v1/factories",
            Map.of(
                "yaml",
                pair,
                "flows",
                Map.of("enrich.yaml", "Signup enrichment"),
                "parameterSets",
                Map.of("signups.yaml", "signups"),
                "message",
                "two of them"));
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    assertThat(members(made.json()))
        .containsExactly("Signup intake=Signup intake@1", "enrich.yaml=Signup enrichment@1");
    assertThat(made.json().get("yaml").asText()).isEqualTo(pair);
    assertThat(
            admin
                .post(
                    "/api/v1/factories",
                    Map.of(
                        "yaml",
                        pair,
                        "flows",
                        Map.of("enrich.yaml", "Signup enrichment"),
                        "parameterSets",
                        Map.of("signups.yaml", "signups")))
                .status())
        .isEqualTo(409);

    String missing =
        "name: Other\nflows:\n  - catalog: Signup intake\n  - catalog: Nope\n  - path: x.yaml\n";
    Api.Response bad = admin.post("/api/v1/factories", Map.of("yaml", missing));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text())
        .isEqualTo(
            "{\"type\":\"https://flow.dev/problems/invalid-factory\",\"title\":\"The factory is"
                + " not valid\",\"status\":400,\"detail\":\"the factory names flows or parameter"
                + " sets the catalog lacks\",\"problems\":[{\"file\":\"factory.yaml\",\"line\":4,"
                + "\"column\":14,\"severity\":\"error\",\"message\":\"the catalog has no flow named"
                + " 'Nope' in project 'default'\"},{\"file\":\"factory.yaml\",\"line\":5,\"column\":11,"
                + "\"severity\":\"error\",\"message\":\"flow file 'x.yaml' is not mapped to a catalog"
                + " flow\",\"hint\":\"name it in 'flows' ({\\\"x.yaml\\\": \\\"FLOW NAME\\\"}), write"
                + " 'catalog: NAME', or push the folder\"}]}");
    // Without its parameter set, the flows do not validate: located in the flow file.
    Api.Response noSets =
        admin.post(
            "/api/v1/factories",
            Map.of("yaml", "name: Alone\nflows:\n  - catalog: Signup intake\n"));
    assertThat(noSets.status()).isEqualTo(400);
    JsonNode first = noSets.json().get("problems").get(0);
    assertThat(first.get("file").asText()).isEqualTo("catalog:Signup intake");
    assertThat(first.get("line").asInt()).isEqualTo(12);
    assertThat(admin.get("/api/v1/factories/by-name/Alone").status()).isEqualTo(404);
  }

  @Test
  void anInvalidFolderChangesNothing() {
    Map<String, byte[]> files = exampleFiles();
    files.put(
        "signup-enrichment.yaml",
        read("../examples/factory/signup-enrichment.yaml")
            .replace("action: Map", "action: Mapp")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Api.Response r = push(Zips.of(files));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("type").asText())
        .isEqualTo("https://flow.dev/problems/invalid-factory");
    assertThat(r.json().get("detail").asText())
        .isEqualTo("the factory is not valid; nothing was changed");
    List<String> located = new java.util.ArrayList<>();
    r.json()
        .get("problems")
        .forEach(
            p ->
                located.add(
                    p.get("file").asText()
                        + ":"
                        + p.get("line").asInt()
                        + ":"
                        + p.get("column").asInt()
                        + ": "
                        + p.get("message").asText()));
    assertThat(located)
        .anyMatch(l -> l.startsWith("signup-enrichment.yaml:") && l.contains("Mapp"))
        .anyMatch(
            l ->
                l.startsWith("factory.yaml:")
                    && l.contains("'signup-enrichment.yaml' does not validate"));
    assertThat(admin.get("/api/v1/flows").json().get("total").asInt()).isEqualTo(0);
    assertThat(admin.get("/api/v1/factories").json().get("items").size()).isEqualTo(0);
    assertThat(admin.get("/api/v1/parameter-sets").json().get("items").size()).isEqualTo(0);

    Api.Response notZip =
        admin.postBytes("/api/v1/factories", "application/zip", new byte[] {1, 2});
    assertThat(notZip.status()).isEqualTo(400);
    Api.Response noFile = push(Zips.of(Map.of("a.yaml", new byte[] {'x'})));
    assertThat(noFile.text())
        .isEqualTo(
            "{\"type\":\"https://flow.dev/problems/bad-request\",\"title\":\"Bad request\","
                + "\"status\":400,\"detail\":\"the zip has no factory.yaml at its root or in one top"
                + " folder\"}");
  }

  @Test
  void rolesAndDelete() {
    String id = push(exampleZip()).json().get("id").asText();
    Api reader = admin.as(token("viewer", "read"));
    assertThat(reader.get("/api/v1/factories/" + id).status()).isEqualTo(200);
    assertThat(reader.post("/api/v1/factories/" + id + "/validate", "").status()).isEqualTo(200);
    assertThat(reader.postBytes("/api/v1/factories", "application/zip", exampleZip()).status())
        .isEqualTo(403);
    assertThat(reader.delete("/api/v1/factories/" + id).status()).isEqualTo(403);
    assertThat(admin.as(null).get("/api/v1/factories").status()).isEqualTo(401);
    assertThat(admin.get("/api/v1/factories/" + id + "/deployments").text())
        .isEqualTo("{\"items\":[]}");

    Api.Response del = admin.delete("/api/v1/factories/" + id);
    assertThat(del.status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/factories/" + id).text())
        .isEqualTo(
            "{\"type\":\"https://flow.dev/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"no factory "
                + id
                + "\"}");
    // Its flows stay in the catalog.
    assertThat(admin.get("/api/v1/flows").json().get("total").asInt()).isEqualTo(3);
  }

  @Test
  void exportAndImportCarryFactoriesWithTheirHistoryAndTheirFlows() {
    push(exampleZip());
    Map<String, byte[]> files = exampleFiles();
    files.put(
        "daily-metrics.yaml",
        (read("../examples/factory/daily-metrics.yaml") + "# two\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    push(Zips.of(files));
    Api.Response export = admin.get("/api/v1/export");
    assertThat(export.status()).isEqualTo(200);
    Map<String, String> zip = Zips.read(export.bytes());
    assertThat(zip.keySet())
        .contains(
            "factories/signups/factory.yaml",
            "factories/signups/factory.json",
            "factories/signups/versions/1.yaml",
            "factories/signups/versions/2.yaml",
            "flows/daily-signup-metrics/versions/2.yaml",
            "parameter-sets/signups.json");
    JsonNode meta = json(zip.get("factories/signups/factory.json"));
    assertThat(meta.at("/versions/1/members/2").toString())
        .isEqualTo(
            "{\"entry\":\"daily-metrics.yaml\",\"flow\":\"Daily signup metrics\",\"version\":2}");

    // Into a fresh project: the factory with both versions and the same pins.
    assertThat(admin.post("/api/v1/projects", Map.of("name", "copy")).status()).isEqualTo(201);
    Api.Response imported =
        admin.postBytes("/api/v1/import?project=copy", "application/zip", export.bytes());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().get("factories").toString())
        .isEqualTo("[{\"name\":\"Signups\",\"result\":\"created\"}]");
    JsonNode copy = admin.get("/api/v1/factories/by-name/Signups?project=copy").json();
    assertThat(copy.get("version").asInt()).isEqualTo(2);
    assertThat(members(copy))
        .containsExactly(
            "signup-intake.yaml=Signup intake@1",
            "signup-enrichment.yaml=Signup enrichment@1",
            "daily-metrics.yaml=Daily signup metrics@2");
    String copyId = copy.get("id").asText();
    assertThat(members(admin.get("/api/v1/factories/" + copyId + "/versions/1").json()))
        .contains("daily-metrics.yaml=Daily signup metrics@1");
    assertThat(
            admin
                .post("/api/v1/factories/" + copyId + "/validate", "")
                .json()
                .get("valid")
                .asBoolean())
        .isTrue();

    // Into the same project: skip, rename and replace, as for flows.
    assertThat(
            admin
                .postBytes(
                    "/api/v1/import?conflictResolution=skip", "application/zip", export.bytes())
                .json()
                .get("factories")
                .toString())
        .isEqualTo(
            "[{\"name\":\"Signups\",\"result\":\"skipped\",\"reason\":\"a factory named 'Signups' exists\"}]");
    assertThat(
            admin
                .postBytes(
                    "/api/v1/import?conflictResolution=rename", "application/zip", export.bytes())
                .json()
                .get("factories")
                .toString())
        .isEqualTo(
            "[{\"name\":\"Signups\",\"result\":\"renamed\",\"newName\":\"Signups (1)\","
                + "\"reason\":\"a factory named 'Signups' exists\"}]");
    JsonNode renamed = admin.get("/api/v1/factories/by-name/Signups%20(1)").json();
    assertThat(members(renamed)).contains("signup-intake.yaml=Signup intake (1)@1");
    JsonNode replaced =
        admin
            .postBytes(
                "/api/v1/import?conflictResolution=replace", "application/zip", export.bytes())
            .json();
    assertThat(replaced.get("factories").toString())
        .isEqualTo(
            "[{\"name\":\"Signups\",\"result\":\"replaced\",\"reason\":\"version 3 is the imported one\"}]");
    // Replaced flows got a new version each; the factory's new version pins those.
    assertThat(members(admin.get("/api/v1/factories/by-name/Signups").json()))
        .containsExactly(
            "signup-intake.yaml=Signup intake@2",
            "signup-enrichment.yaml=Signup enrichment@2",
            "daily-metrics.yaml=Daily signup metrics@3");
  }

  static String read(Map<String, String> zip, String name) {
    return zip.get(name);
  }

  static JsonNode json(String text) {
    try {
      return Api.JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

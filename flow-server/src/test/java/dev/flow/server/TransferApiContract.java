package dev.flow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.store.ParameterSetStore;
import dev.flow.server.testing.Api;
import dev.flow.server.testing.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter sets and secrets, export and import, hostile zips; per store. */
abstract class TransferApiContract extends ServerBase {
  static final String SECRET = "s3cr3t-Value-9431";
  static final String USES_DB =
      "name: Uses db\ndescription: posts as ${db__user}\nstages:\n"
          + "  - name: gen\n    action: Inline Records\n    props: {records: [{id: 1}]}\n"
          + "    out: [post]\n  - name: post\n    action: HTTP\n    props:\n"
          + "      url: http://localhost:9/leads\n      bearerToken: ${db__password}\n    out: []\n";

  Map<String, Object> dbSet(String password) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("user", Map.of("value", "flow"));
    params.put("password", Map.of("value", password, "secret", true));
    return Map.of("name", "db", "description", "the database", "parameters", params);
  }

  @Test
  void secretsAreEncryptedMaskedAndNeverShown() throws Exception {
    Api.clearSeen();
    Api.Response made = admin.post("/api/v1/parameter-sets", dbSet(SECRET));
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    assertThat(made.json().get("parameters").toString())
        .isEqualTo(
            "{\"password\":{\"value\":\"***\",\"secret\":true},\"user\":{\"value\":\"flow\",\"secret\":false}}");
    assertThat(admin.post("/api/v1/parameter-sets", dbSet("x")).status()).isEqualTo(409);
    assertThat(
            admin
                .get("/api/v1/parameter-sets/db")
                .json()
                .get("parameters")
                .get("password")
                .get("value")
                .asText())
        .isEqualTo("***");
    assertThat(admin.get("/api/v1/parameter-sets").json().get("items").get(0).get("name").asText())
        .isEqualTo("db");

    // At rest: no plain value, a ciphertext that is not the secret.
    try (Connection c = server.context().db().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select plain_value, ciphertext from parameters where name = 'password'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isNull();
      assertThat(rs.getString(2)).isNotBlank().doesNotContain(SECRET);
    }

    Api.Response missing = admin.post("/api/v1/validate", Map.of("yaml", USES_DB));
    assertThat(missing.json().get("valid").asBoolean()).isFalse();
    assertThat(
            admin
                .post("/api/v1/validate", Map.of("yaml", USES_DB, "parameterSets", List.of("db")))
                .text())
        .isEqualTo("{\"valid\":true,\"problems\":[]}");
    assertThat(
            admin
                .post("/api/v1/flows", Map.of("yaml", USES_DB, "parameterSets", List.of("nope")))
                .status())
        .isEqualTo(400);
    JsonNode flow =
        create(admin, "default", Map.of("yaml", USES_DB, "parameterSets", List.of("db")));
    assertThat(flow.get("parameterSets").toString()).isEqualTo("[\"db\"]");
    String id = flow.get("id").asText();
    assertThat(admin.post("/api/v1/flows/" + id + "/validate", "").json().get("valid").asBoolean())
        .isTrue();
    assertThat(admin.get("/api/v1/flows/" + id + "/graph").status()).isEqualTo(200);

    // A PUT that sends *** keeps the secret.
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("user", Map.of("value", "flow2"));
    params.put("password", Map.of("value", "***", "secret", true));
    assertThat(admin.put("/api/v1/parameter-sets/db", Map.of("parameters", params)).status())
        .isEqualTo(200);
    ParameterSetStore.SetRecord stored =
        server.context().db().tx(c -> server.context().parameterSets().require(c, "default", "db"));
    assertThat(stored.parameters().get("password").value()).isEqualTo(SECRET);
    assertThat(stored.parameters().get("user").value()).isEqualTo("flow2");
    assertThat(admin.delete("/api/v1/parameter-sets/db").status()).isEqualTo(409);

    Map<String, String> masked = Zips.read(admin.get("/api/v1/export").bytes());
    assertThat(masked.get("parameter-sets/db.json")).contains("\"value\" : \"***\"");
    String editor = token("ed", "edit");
    assertThat(admin.as(editor).get("/api/v1/export?plainSecrets=true").status()).isEqualTo(403);
    Api.Response plain = admin.get("/api/v1/export?plainSecrets=true");
    assertThat(Zips.read(plain.bytes()).get("parameter-sets/db.json")).contains(SECRET);

    for (Api.Response r : Api.seen()) {
      if (r != plain) {
        assertThat(r.text()).doesNotContain(SECRET);
        if (r.contentType().equals("application/zip")) {
          Zips.read(r.bytes()).values().forEach(v -> assertThat(v).doesNotContain(SECRET));
        }
      }
    }
    String log = Files.readString(Path.of("target/server-test.log"), StandardCharsets.UTF_8);
    assertThat(log).contains("GET /api/v1/parameter-sets/db 200").doesNotContain(SECRET);
  }

  /** Two flows with history and a set in project {@code src}; the export zip (plain secrets). */
  byte[] sourceProject() {
    admin.post("/api/v1/projects", Map.of("name", "src"));
    assertThat(admin.post("/api/v1/parameter-sets?project=src", dbSet(SECRET)).status())
        .isEqualTo(201);
    String a =
        create(
                admin,
                "src",
                Map.of(
                    "yaml",
                    USES_DB,
                    "parameterSets",
                    List.of("db"),
                    "labels",
                    Map.of("k", "v"),
                    "description",
                    "A",
                    "message",
                    "first"))
            .get("id")
            .asText();
    for (int v = 1; v <= 2; v++) {
      admin.put(
          "/api/v1/flows/" + a,
          Map.of("baseVersion", v, "yaml", USES_DB + "# v" + (v + 1) + "\n", "message", "m" + v));
    }
    create(admin, "src", Map.of("yaml", QUICKSTART));
    Api.Response zip = admin.get("/api/v1/export?project=src&plainSecrets=true");
    assertThat(zip.status()).isEqualTo(200);
    assertThat(zip.contentType()).isEqualTo("application/zip");
    return zip.bytes();
  }

  @Test
  void exportThenImportGivesTheSameFlowsVersionsAndSets() throws Exception {
    byte[] zip = sourceProject();
    Map<String, String> files = Zips.read(zip);
    assertThat(files.keySet())
        .contains(
            "manifest.json",
            "flows/uses-db/flow.yaml",
            "flows/uses-db/flow.json",
            "flows/uses-db/versions/3.yaml",
            "flows/quick-start/flow.yaml",
            "parameter-sets/db.json");
    assertThat(files.get("manifest.json")).contains("\"formatVersion\" : 1");
    admin.post("/api/v1/projects", Map.of("name", "dst"));
    Api.Response r = admin.postBytes("/api/v1/import?project=dst", "application/zip", zip);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.text())
        .isEqualTo(
            "{\"flows\":[{\"name\":\"Quick start\",\"result\":\"created\"},{\"name\":\"Uses"
                + " db\",\"result\":\"created\"}],\"parameterSets\":[{\"name\":\"db\",\"result\":\"created\"}]}");
    for (String name : List.of("Uses db", "Quick start")) {
      JsonNode a = admin.get("/api/v1/flows/by-name/" + Api.enc(name) + "?project=src").json();
      JsonNode b = admin.get("/api/v1/flows/by-name/" + Api.enc(name) + "?project=dst").json();
      for (String k :
          List.of(
              "name",
              "description",
              "labels",
              "version",
              "parameterSets",
              "createdAt",
              "updatedAt",
              "yaml")) {
        assertThat(b.get(k)).as(name + " " + k).isEqualTo(a.get(k));
      }
      JsonNode va =
          admin.get("/api/v1/flows/" + a.get("id").asText() + "/versions").json().get("items");
      JsonNode vb =
          admin.get("/api/v1/flows/" + b.get("id").asText() + "/versions").json().get("items");
      assertThat(vb.size()).isEqualTo(va.size());
      for (int i = 0; i < va.size(); i++) {
        for (String k : List.of("version", "author", "message", "createdAt")) {
          assertThat(vb.get(i).get(k)).isEqualTo(va.get(i).get(k));
        }
        int n = va.get(i).get("version").asInt();
        assertThat(
                admin
                    .get("/api/v1/flows/" + b.get("id").asText() + "/versions/" + n)
                    .json()
                    .get("yaml"))
            .isEqualTo(
                admin
                    .get("/api/v1/flows/" + a.get("id").asText() + "/versions/" + n)
                    .json()
                    .get("yaml"));
      }
    }
    var src =
        server.context().db().tx(c -> server.context().parameterSets().require(c, "src", "db"));
    var dst =
        server.context().db().tx(c -> server.context().parameterSets().require(c, "dst", "db"));
    assertThat(dst.parameters()).isEqualTo(src.parameters());
    assertThat(dst.description()).isEqualTo(src.description());
  }

  @Test
  void importConflictModes() {
    byte[] zip = sourceProject();
    Api.Response skip =
        admin.postBytes(
            "/api/v1/import?project=src&conflictResolution=skip", "application/zip", zip);
    assertThat(skip.json().get("flows").findValuesAsText("result"))
        .containsExactly("skipped", "skipped");
    assertThat(skip.json().get("flows").get(0).get("reason").asText())
        .isEqualTo("a flow named 'Quick start' exists");
    assertThat(skip.json().get("parameterSets").get(0).get("result").asText()).isEqualTo("skipped");
    assertThat(
            admin.get("/api/v1/flows/by-name/Uses%20db?project=src").json().get("version").asInt())
        .isEqualTo(3);

    Api.Response replace =
        admin.postBytes(
            "/api/v1/import?project=src&conflictResolution=replace", "application/zip", zip);
    assertThat(replace.json().get("flows").findValuesAsText("result"))
        .containsExactly("replaced", "replaced");
    JsonNode a = admin.get("/api/v1/flows/by-name/Uses%20db?project=src").json();
    assertThat(a.get("version").asInt()).isEqualTo(4);
    assertThat(a.get("yaml").asText()).isEqualTo(USES_DB + "# v3\n");

    Api.Response rename =
        admin.postBytes(
            "/api/v1/import?project=src&conflictResolution=rename", "application/zip", zip);
    assertThat(rename.json().get("flows").findValuesAsText("newName"))
        .containsExactly("Quick start (1)", "Uses db (1)");
    assertThat(rename.json().get("flows").findValuesAsText("result"))
        .containsExactly("renamed", "renamed");
    Api.Response again =
        admin.postBytes(
            "/api/v1/import?project=src&conflictResolution=rename", "application/zip", zip);
    assertThat(again.json().get("flows").findValuesAsText("newName"))
        .containsExactly("Quick start (2)", "Uses db (2)");
    assertThat(
            admin
                .get("/api/v1/flows/by-name/Uses%20db%20(1)?project=src")
                .json()
                .get("version")
                .asInt())
        .isEqualTo(3);
    assertThat(admin.get("/api/v1/flows?project=src").json().get("total").asInt()).isEqualTo(6);
    assertThat(
            admin
                .postBytes("/api/v1/import?conflictResolution=merge", "application/zip", zip)
                .status())
        .isEqualTo(400);
  }

  @Test
  void anInvalidFlowIsReportedWithItsProblems() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "manifest.json",
        "{\"format\":\"flow-export\",\"formatVersion\":1,\"flows\":[{\"name\":\"bad\",\"path\":\"flows/bad\"},{\"name\":\"good\",\"path\":\"flows/good\"}]}");
    String bad = "name: bad\nstages:\n  - name: a\n    action: Nope\n    out: []\n";
    files.put("flows/bad/flow.yaml", bad);
    files.put("flows/bad/flow.json", "{\"name\":\"bad\"}");
    files.put("flows/good/flow.yaml", QUICKSTART);
    files.put("flows/good/flow.json", "{\"name\":\"good\",\"description\":\"g\"}");
    Api.Response r =
        admin.postBytes("/api/v1/import", "application/zip", Zips.of(Zips.bytes(files)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode badOut = r.json().get("flows").get(0);
    assertThat(badOut.get("result").asText()).isEqualTo("invalid");
    JsonNode p = badOut.get("problems").get(0);
    assertThat(p.get("file").asText()).isEqualTo("flows/bad/flow.yaml");
    assertThat(p.get("line").asInt()).isEqualTo(4);
    assertThat(p.get("message").asText()).isEqualTo("unknown action 'Nope'");
    assertThat(r.json().get("flows").get(1).get("result").asText()).isEqualTo("created");
    assertThat(CatalogApiContract.names(admin.get("/api/v1/flows").json())).containsExactly("good");
  }

  @Test
  void hostileZipsAreRefusedWithNothingChanged() {
    create(admin, "default", Map.of("yaml", QUICKSTART));
    String before = admin.get("/api/v1/flows").text() + admin.get("/api/v1/parameter-sets").text();
    String manifest =
        "{\"format\":\"flow-export\",\"formatVersion\":1,\"flows\":[{\"name\":\"n\",\"path\":\"flows/n\"}]}";
    Map<String, byte[]> traversal = new LinkedHashMap<>();
    traversal.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    traversal.put("../evil.yaml", "x".getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> bomb = new LinkedHashMap<>();
    bomb.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    bomb.put("flows/n/flow.yaml", new byte[20 << 20]);
    Map<String, byte[]> ratio = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      ratio.put("x" + i, new byte[9 << 20]);
    }
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i <= 50_000; i++) {
      many.put("f" + i, new byte[0]);
    }
    Map<String, String> version =
        Map.of("manifest.json", "{\"format\":\"flow-export\",\"formatVersion\":99}");
    Map<String, String> half = new LinkedHashMap<>();
    half.put(
        "manifest.json",
        "{\"format\":\"flow-export\",\"formatVersion\":1,\"flows\":[{\"name\":\"ok\",\"path\":\"flows/ok\"},{\"name\":\"broken\",\"path\":\"flows/broken\"}]}");
    half.put("flows/ok/flow.yaml", "name: ok\nstages: []\n");
    half.put("flows/ok/flow.json", "{\"name\":\"ok\"}");
    half.put("flows/broken/flow.json", "{\"name\":\"broken\"}");
    Map<String, String> unknownField =
        Map.of("manifest.json", "{\"format\":\"flow-export\",\"formatVersion\":1,\"evil\":true}");
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("not a zip", "hello, this is not a zip".getBytes(StandardCharsets.UTF_8));
    cases.put("traversal", Zips.of(traversal));
    cases.put("absolute", Zips.of(Map.of("/etc/passwd", new byte[1])));
    cases.put("bomb", Zips.of(bomb));
    cases.put("ratio", Zips.of(ratio));
    cases.put("too many entries", Zips.of(many));
    cases.put("format version", Zips.of(Zips.bytes(version)));
    cases.put("half broken", Zips.of(Zips.bytes(half)));
    cases.put("unknown field", Zips.of(Zips.bytes(unknownField)));
    Map<String, String> details = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> c : cases.entrySet()) {
      Api.Response r =
          admin.postBytes(
              "/api/v1/import?conflictResolution=replace", "application/zip", c.getValue());
      assertThat(r.status()).as(c.getKey() + ": " + r).isEqualTo(400);
      assertThat(r.json().get("type").asText()).isEqualTo("https://flow.dev/problems/bad-zip");
      details.put(c.getKey(), r.json().get("detail").asText());
    }
    assertThat(details.get("traversal"))
        .isEqualTo("zip entry '../evil.yaml' leaves the zip's folder; nothing was imported");
    assertThat(details.get("absolute"))
        .isEqualTo("zip entry '/etc/passwd' has an unsafe path; nothing was imported");
    assertThat(details.get("bomb"))
        .isEqualTo(
            "zip entry 'flows/n/flow.yaml' is larger than 10485760 bytes; nothing was imported");
    assertThat(details.get("ratio")).startsWith("the zip inflates more than 100 times its size");
    assertThat(details.get("too many entries"))
        .isEqualTo("the zip has more than 50000 entries; nothing was imported");
    assertThat(details.get("format version"))
        .isEqualTo(
            "manifest.json: format version 99 is not known; this server reads version 1; nothing was imported");
    assertThat(details.get("half broken"))
        .isEqualTo("the zip has no 'flows/broken/flow.yaml'; nothing was imported");
    assertThat(details.get("unknown field"))
        .startsWith("manifest.json is not valid: Unrecognized field \"evil\"");
    assertThat(admin.get("/api/v1/flows").text() + admin.get("/api/v1/parameter-sets").text())
        .isEqualTo(before);
    List<String> none = new ArrayList<>();
    assertThat(none).isEmpty();
  }
}

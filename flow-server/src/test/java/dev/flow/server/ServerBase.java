package dev.flow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.testing.Api;
import dev.flow.server.testing.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh server on a fresh store for each test; subclasses say which store. */
abstract class ServerBase {
  static final String QUICKSTART = read("../examples/quickstart.yaml");

  FlowServer server;
  Api admin;

  /** The JDBC URL of a fresh database, or null for H2 in the data folder. */
  abstract String dbUrl() throws Exception;

  @BeforeEach
  void start() throws Exception {
    server = Stores.start(Stores.freshData(), dbUrl());
    admin = new Api("http://127.0.0.1:" + server.port(), server.firstAdminToken().orElseThrow());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode create(Api api, String project, Map<String, Object> body) {
    Api.Response r = api.post("/api/v1/flows?project=" + project, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  String token(String name, String role) {
    return admin
        .post("/api/v1/tokens", Map.of("name", name, "role", role))
        .json()
        .get("token")
        .asText();
  }
}

package dev.flow.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flow.server.FlowServer;
import dev.flow.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Flow server started in this JVM on a free port with a fresh data folder under target/.
 */
final class UiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FlowServer server;
  private final String adminToken;
  private final HttpClient http = HttpClient.newHttpClient();

  UiServer() throws IOException {
    Files.createDirectories(Path.of("target"));
    Path data = Files.createTempDirectory(Path.of("target"), "ui-server-");
    server = FlowServer.start(ServerConfig.defaults().withPort(0).withData(data));
    adminToken = server.firstAdminToken().orElseThrow();
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  String adminToken() {
    return adminToken;
  }

  /** Calls the API with the admin token; fails unless the status is 2xx. */
  JsonNode api(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url() + "/api/v1" + path))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
    }
    return r.body().isEmpty() ? null : JSON.readTree(r.body());
  }

  /** The HTTP status of a GET with the admin token, e.g. to see whether the server has a route. */
  int status(String path) throws IOException, InterruptedException {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url() + "/api/v1" + path))
            .header("Authorization", "Bearer " + adminToken)
            .GET()
            .build();
    return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Override
  public void close() {
    server.close();
  }
}

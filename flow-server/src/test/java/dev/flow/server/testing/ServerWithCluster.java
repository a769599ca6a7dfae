package dev.flow.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.FlowServer;
import dev.flow.server.ServerConfig;
import dev.flow.server.deploy.engine.testing.StandaloneCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flow server on a data folder of its own beside a real standalone cluster, for the ITCases that
 * deploy through the REST API: it creates their parameter sets and the cluster's environment, and
 * asserts that no response of its {@link #call} holds a secret value it was given.
 */
public final class ServerWithCluster implements AutoCloseable {
  /** The name of the flink-session environment {@link #createClusterEnvironment} registers. */
  public static final String ENVIRONMENT = "cluster";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final StandaloneCluster cluster;
  private final ServerConfig config;
  private final String token;
  private final List<String> secrets = new ArrayList<>();
  private FlowServer server;

  private ServerWithCluster(StandaloneCluster cluster, ServerConfig config, FlowServer server) {
    this.cluster = cluster;
    this.config = config;
    this.server = server;
    this.token = server.firstAdminToken().orElseThrow();
  }

  /**
   * Starts a cluster of {@code taskManagers} TaskManagers with {@code slots} slots each, and a
   * server on an ephemeral port whose data is in {@code target/NAME-it-PID}.
   */
  public static ServerWithCluster start(String name, int taskManagers, int slots) throws Exception {
    StandaloneCluster cluster = StandaloneCluster.start(name, taskManagers, slots);
    try {
      Path data =
          Files.createDirectories(Path.of("target", name + "-it-" + ProcessHandle.current().pid()));
      ServerConfig config = ServerConfig.defaults().withPort(0).withData(data);
      return new ServerWithCluster(cluster, config, FlowServer.start(config));
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  public StandaloneCluster cluster() {
    return cluster;
  }

  /** The server's data folder. */
  public Path data() {
    return config.data();
  }

  /** Stops the server and starts it again on the same data, on another ephemeral port. */
  public void restartServer() throws Exception {
    server.close();
    server = FlowServer.start(config.withPort(0));
  }

  /**
   * Calls the API as the first admin (as {@link Api#expect}), and asserts that the response holds
   * none of the secret values given to {@link #createParameterSet}.
   */
  public JsonNode call(String method, String path, Object body, int status) {
    JsonNode r =
        new Api("http://127.0.0.1:" + server.port(), token).expect(method, path, body, status);
    String text = r.toString();
    for (String secret : secrets) {
      assertThat(text).doesNotContain(secret);
    }
    return r;
  }

  /** Creates the parameter set {@code name} of the {@code plain} and the {@code secret} values. */
  public JsonNode createParameterSet(
      String name, Map<String, String> plain, Map<String, String> secret) {
    secrets.addAll(secret.values());
    Map<String, Object> parameters = new LinkedHashMap<>();
    plain.forEach((k, v) -> parameters.put(k, Map.of("value", v, "secret", false)));
    secret.forEach((k, v) -> parameters.put(k, Map.of("value", v, "secret", true)));
    return call(
        "POST", "/api/v1/parameter-sets", Map.of("name", name, "parameters", parameters), 201);
  }

  /** Registers the cluster as the flink-session environment {@value #ENVIRONMENT}. */
  public JsonNode createClusterEnvironment() {
    return call(
        "POST",
        "/api/v1/environments",
        Map.of(
            "name",
            ENVIRONMENT,
            "kind",
            "flink-session",
            "config",
            Map.of(
                "restUrl",
                cluster.restUrl(),
                "savepointDir",
                cluster.savepointDir().toUri().toString())),
        201);
  }

  /** The body of a GET of {@code path} on the cluster's Flink REST API. */
  public String flinkRest(String path) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(cluster.restUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      cluster.close();
    }
  }
}

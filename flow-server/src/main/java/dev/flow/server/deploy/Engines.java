package dev.flow.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.job.FlowJob;
import dev.flow.server.ServerConfig;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.deploy.engine.Engine;
import dev.flow.server.deploy.engine.EngineException;
import dev.flow.server.deploy.engine.FlinkSessionEngine;
import dev.flow.server.deploy.engine.FlowFileServer;
import dev.flow.server.deploy.engine.KubernetesEngine;
import dev.flow.server.deploy.engine.KubernetesResources;
import dev.flow.server.deploy.engine.LocalEngine;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine of each environment, made on first use from the environment's kind and settings and
 * kept open (clients and, for {@code local}, the embedded Flink); no state that matters lives here.
 */
final class Engines implements AutoCloseable {
  static final Set<String> KINDS = Set.of("local", "flink-session", "kubernetes");

  private final ServerConfig server;
  private final Map<String, Engine> engines = new ConcurrentHashMap<>();
  private FlowFileServer files;

  Engines(ServerConfig server) {
    this.server = server;
  }

  Engine of(DeploymentStore.Environment env) {
    return engines.computeIfAbsent(env.name(), n -> create(env));
  }

  /** Checks an environment's settings before it is stored. */
  static void check(String kind, JsonNode config) {
    if (!KINDS.contains(kind)) {
      throw ApiException.badRequest(
          "'kind' must be one of local, flink-session, kubernetes, not '" + kind + "'");
    }
    if ("flink-session".equals(kind) && !config.path("restUrl").isTextual()) {
      throw ApiException.badRequest("a flink-session environment needs 'config.restUrl'");
    }
    if ("kubernetes".equals(kind) && !config.path("image").isTextual()) {
      throw ApiException.badRequest("a kubernetes environment needs 'config.image'");
    }
  }

  private Engine create(DeploymentStore.Environment env) {
    try {
      JsonNode c = ApiJson.MAPPER.readTree(env.config());
      return switch (env.kind()) {
        case "local" ->
            new LocalEngine(
                Files.createDirectories(server.data().resolve("local-flink").resolve(env.name())),
                c.path("slots").asInt(8));
        case "flink-session" ->
            new FlinkSessionEngine(
                c.path("restUrl").asText(),
                c.hasNonNull("jar") ? Path.of(c.path("jar").asText()) : defaultJar(),
                c.hasNonNull("savepointDir") ? c.path("savepointDir").asText() : null,
                files(c.path("fileServerUrl").asText(null)));
        case "kubernetes" ->
            new KubernetesEngine(
                new KubernetesClientBuilder()
                    .withConfig(
                        c.hasNonNull("kubeconfig")
                            ? Config.fromKubeconfig(
                                Files.readString(Path.of(c.path("kubeconfig").asText())))
                            : Config.autoConfigure(null))
                    .build(),
                c.path("namespace").asText("default"),
                new KubernetesResources.Settings(
                    c.path("image").asText(),
                    c.path("stateDir").asText("file:///flink-data"),
                    c.path("serviceAccount").asText("flink"),
                    c.path("parallelism").asInt(1)),
                Duration.ofMinutes(5));
        default -> throw new IllegalStateException("unknown kind " + env.kind());
      };
    } catch (IOException | EngineException e) {
      throw new ApiException(
          502,
          "engine",
          "Engine unavailable",
          "environment " + env.name() + ": " + e.getMessage(),
          null);
    }
  }

  /** The cluster jar: the one this server runs FlowJob from. */
  static Path defaultJar() {
    try {
      return Path.of(FlowJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException("cannot locate flow-job.jar; set config.jar", e);
    }
  }

  private synchronized FlowFileServer files(String advertised) throws IOException {
    if (files == null) {
      files =
          new FlowFileServer(
              new InetSocketAddress(server.host(), 0), advertised, Duration.ofMinutes(2));
    }
    return files;
  }

  @Override
  public synchronized void close() {
    engines.values().forEach(Engine::close);
    engines.clear();
    if (files != null) {
      files.close();
    }
  }
}

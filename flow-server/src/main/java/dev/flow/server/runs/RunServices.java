package dev.flow.server.runs;

import dev.flow.job.ServerReporting;
import dev.flow.server.ServerContext;
import dev.flow.server.deploy.engine.Engine;
import dev.flow.server.store.Database;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * What the runs and the deployments of one server share: the URL its jobs report to, the local
 * environment's engine (for manual runs), and the issuing of deployment-scoped ingest tokens.
 */
public final class RunServices {
  private static final Map<ServerContext, RunServices> BY_SERVER =
      Collections.synchronizedMap(new WeakHashMap<>());
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServerContext context;
  private final RunStore store = new RunStore();
  private volatile Supplier<String> serverUrl;
  private volatile Supplier<Engine> localEngine;
  private volatile DeployedSets deployedSets = DeployedSets.NONE;

  /** The parameter sets that deployments were started with. */
  public interface DeployedSets {
    DeployedSets NONE =
        new DeployedSets() {
          @Override
          public Optional<List<String>> ofDeployment(String deploymentId) {
            return Optional.empty();
          }

          @Override
          public Optional<List<String>> ofFlow(String flowId) {
            return Optional.empty();
          }
        };

    /** The sets of deployment {@code deploymentId}, when there is such a deployment. */
    Optional<List<String>> ofDeployment(String deploymentId);

    /**
     * The sets of the flow's deployment: its latest one that was not stopped; empty when the flow
     * has no such deployment.
     */
    Optional<List<String>> ofFlow(String flowId);
  }

  private RunServices(ServerContext context) {
    this.context = context;
  }

  /** The services of the server that {@code context} belongs to. */
  public static RunServices of(ServerContext context) {
    return BY_SERVER.computeIfAbsent(context, RunServices::new);
  }

  /** Sets where the server's jobs reach it, e.g. {@code http://127.0.0.1:8090}. */
  public void serverUrl(Supplier<String> url) {
    this.serverUrl = url;
  }

  /** Sets the engine of the {@code local} environment. */
  public void localEngine(Supplier<Engine> engine) {
    this.localEngine = engine;
  }

  /** Sets where manual runs and replays find the parameter sets of a deployed flow. */
  public void deployedSets(DeployedSets sets) {
    this.deployedSets = sets;
  }

  DeployedSets deployedSets() {
    return deployedSets;
  }

  Engine localEngine() {
    if (localEngine == null) {
      throw new IllegalStateException("no local environment in this server");
    }
    return localEngine.get();
  }

  RunStore store() {
    return store;
  }

  /**
   * A fresh token for one job of {@code flowId} at {@code version}, reporting under {@code target}
   * (the deployment id, or a manual run's id), with the server's URL as seen from {@code
   * advertisedUrl} (null: the server's own address).
   */
  public ServerReporting issue(
      String target,
      String flowId,
      String flowName,
      int version,
      String environment,
      String deploymentId,
      boolean manual,
      String advertisedUrl) {
    byte[] t = new byte[32];
    RANDOM.nextBytes(t);
    String token = "flowi_" + HexFormat.of().formatHex(t);
    context
        .db()
        .tx(
            c -> {
              store.issue(
                  c,
                  hash(token),
                  new RunStore.Ingest(
                      target, flowId, flowName, version, environment, deploymentId, manual));
              return null;
            });
    String base = advertisedUrl != null ? advertisedUrl : serverUrl.get();
    return new ServerReporting(base.replaceAll("/+$", "") + "/api/v1/ingest/" + target, token);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static java.time.Instant now() {
    return Database.now();
  }
}

package dev.flow.server.deploy.engine.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real standalone Flink cluster of {@code deploy/local/cluster}, started on free ports in a
 * folder of its own under {@code target/}, so that it meets no other cluster on the machine. The
 * Flink jars are shared with the repository's {@code .flow/jars}, fetched once. Skipped with {@code
 * FLOW_E2E=0} or {@code -Dflow.e2e=false}.
 */
public final class StandaloneCluster implements AutoCloseable {
  private final Path root;
  private final Path dir;
  private final Map<String, String> env;
  private final int restPort;

  private StandaloneCluster(Path root, Path dir, Map<String, String> env, int restPort) {
    this.root = root;
    this.dir = dir;
    this.env = env;
    this.restPort = restPort;
  }

  /** Starts a cluster of {@code taskManagers} TaskManagers with {@code slots} slots each. */
  public static StandaloneCluster start(String name, int taskManagers, int slots, String... conf)
      throws Exception {
    assumeTrue(
        !"0".equals(System.getenv("FLOW_E2E")) && !"false".equals(System.getProperty("flow.e2e")),
        "the cluster tests were switched off with FLOW_E2E=0 or -Dflow.e2e=false");
    Path root = Path.of(System.getProperty("flow.repo.root", "..")).toAbsolutePath().normalize();
    Path dir =
        Path.of("target", "clusters", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
    Files.createDirectories(dir);
    Path sharedJars = root.resolve(".flow/jars");
    Files.createDirectories(sharedJars);
    if (!Files.exists(dir.resolve("jars"))) {
      Files.createSymbolicLink(dir.resolve("jars"), sharedJars);
    }
    int rest = freePort();
    int rpc = freePort();
    int prom = freePortRange(6);
    Map<String, String> env =
        Map.of(
            "FLOW_LOCAL_DIR", dir.toString(),
            "FLINK_REST_PORT", String.valueOf(rest),
            "FLINK_RPC_PORT", String.valueOf(rpc),
            "FLINK_PROMETHEUS_PORTS", prom + "-" + (prom + 5));
    StandaloneCluster c = new StandaloneCluster(root, dir, env, rest);
    List<String> args =
        new ArrayList<>(
            List.of("start", "--taskmanagers", "" + taskManagers, "--slots", "" + slots));
    for (String kv : conf) {
      args.add("--conf");
      args.add(kv);
    }
    c.cluster(args.toArray(String[]::new));
    return c;
  }

  public String restUrl() {
    return "http://localhost:" + restPort;
  }

  /** The cluster's state folder: {@code cluster/log}, {@code cluster/savepoints}, ... */
  public Path clusterDir() {
    return dir.resolve("cluster");
  }

  public Path savepointDir() {
    return clusterDir().resolve("savepoints");
  }

  /** {@code kill -9} of the oldest running TaskManager. */
  public void killTaskManager() throws Exception {
    cluster("kill-taskmanager", "--signal", "9");
  }

  public void addTaskManager() throws Exception {
    cluster("add-taskmanager");
  }

  /** The text of every log file of the cluster's processes. */
  public String logs() throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(clusterDir().resolve("log"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        b.append(Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws Exception {
    cluster("stop");
  }

  private void cluster(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("bash", root.resolve("deploy/local/cluster").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path out = dir.resolve("script.log");
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("deploy/local/cluster " + String.join(" ", args) + " hung");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "deploy/local/cluster " + String.join(" ", args) + " failed:\n" + Files.readString(out));
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static int freePortRange(int n) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first = 20000 + (int) (Math.random() * 30000);
      boolean free = true;
      for (int p = first; p < first + n && free; p++) {
        try (ServerSocket s = new ServerSocket(p)) {
          s.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new IOException("no " + n + " consecutive free ports");
  }
}

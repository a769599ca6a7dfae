package dev.flow.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unpacks the built {@code flow-<version>.tar.gz} into a folder outside the checkout and runs its
 * {@code bin/flow} there, also through a symbolic link, as a user who installed it would.
 */
class DistributionITCase {
  static final String VERSION = System.getProperty("dist.version");
  static Path work;
  static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    Path tarball = Path.of(System.getProperty("dist.tarball"));
    assertThat(tarball).exists();
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dist-");
    Result untar = exec(work, List.of("tar", "-xzf", tarball.toString()));
    assertThat(untar.code()).as(untar.output()).isZero();
    home = work.resolve("flow-" + VERSION);
    assertThat(home.resolve("bin/flow")).isExecutable();
    assertThat(home.resolve("conf/log4j2-local.properties")).exists();
    try (var jars = Files.list(home.resolve("lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .contains("flow-job-" + VERSION + ".jar")
          .anyMatch(n -> n.startsWith("flink-clients-"));
    }
  }

  @Test
  void versionNamesFlowAndFlinkThroughASymlinkOnThePath() throws Exception {
    Path bin = Files.createDirectories(work.resolve("bin-on-path"));
    Path link = Files.createSymbolicLink(bin.resolve("flow"), home.resolve("bin/flow"));
    Result r = exec(work, List.of(link.toString(), "--version"));
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output())
        .isEqualTo("Flow " + VERSION + "\nFlink " + System.getProperty("flink.version") + "\n");
  }

  @Test
  void initPrintsNextStepsThatWorkAsPrintedFromTheInstallation() throws Exception {
    // A PATH with the system's tools but no 'flow' on it, as right after unpacking.
    Map<String, String> noFlow = Map.of("PATH", "/usr/bin:/bin");
    Path real = home.resolve("bin/flow").toRealPath();
    Result init = exec(work, List.of(real.toString(), "init", "init-project"), noFlow);
    assertThat(init.code()).as(init.output()).isZero();
    assertThat(init.stdout())
        .contains("  cd init-project && " + real + " test flows/\n")
        .contains("  mkdir -p ~/.local/bin && ln -sf " + real + " ~/.local/bin/flow\n")
        .doesNotContain("/path/to/");

    // The printed test step, run as printed, from where init ran.
    String step =
        init.stdout().lines().filter(l -> l.endsWith(" test flows/")).findFirst().orElseThrow();
    Result test = exec(work, List.of("/bin/sh", "-c", step.strip()), noFlow);
    assertThat(test.code()).as(test.output()).isZero();
    assertThat(test.stdout()).endsWith("2 passed, 0 failed\n");

    // With the installation linked onto the PATH as the steps say, they name plain 'flow'.
    Path bin = Files.createDirectories(work.resolve("init-bin"));
    Files.createSymbolicLink(bin.resolve("flow"), real);
    Result again =
        exec(
            work,
            List.of("/bin/sh", "-c", "flow init init-project-2"),
            Map.of("PATH", bin + ":/usr/bin:/bin"));
    assertThat(again.code()).as(again.output()).isZero();
    assertThat(again.stdout())
        .contains("  cd init-project-2 && flow test flows/\n")
        .doesNotContain("is not on your PATH");
  }

  @Test
  void serverRunsFromTheInstallationWithItsWebUiAndTheClientCommandsReachIt() throws Exception {
    Path dir = Files.createDirectories(work.resolve("server"));
    Files.copy(Path.of("../examples/quickstart.yaml"), dir.resolve("quickstart.yaml"));
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String flow = home.resolve("bin/flow").toString();
    Path log = dir.resolve("server.log");
    ProcessBuilder pb =
        new ProcessBuilder(flow, "server", "--port", String.valueOf(port), "--data", "store")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
    Process server = pb.start();
    try {
      String token = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && server.isAlive()) {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("admin token: (\\S+)").matcher(out);
        if (out.contains("flow server: listening on http://127.0.0.1:" + port) && m.find()) {
          token = m.group(1);
          break;
        }
        Thread.sleep(200);
      }
      assertThat(token).as(Files.readString(log, StandardCharsets.UTF_8)).isNotNull();

      var http = java.net.http.HttpClient.newHttpClient();
      var page =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + "/"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
      assertThat(page.body()).contains("<script");

      Map<String, String> client =
          Map.of("FLOW_SERVER", "http://127.0.0.1:" + port, "FLOW_TOKEN", token);
      Result push = exec(dir, List.of(flow, "push", "quickstart.yaml"), client);
      assertThat(push.code()).as(push.output()).isZero();
      assertThat(push.stdout()).isEqualTo("Quick start: version 1 (created)\n");
      Result ls = exec(dir, List.of(flow, "ls"), client);
      assertThat(ls.code()).as(ls.output()).isZero();
      assertThat(ls.stdout()).startsWith("Quick start\tv1\t");
    } finally {
      server.destroy();
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void validatesAFlowInAFolderOutsideTheCheckout() throws Exception {
    Path project = Files.createDirectories(work.resolve("project"));
    Files.copy(Path.of("../examples/quickstart.yaml"), project.resolve("quickstart.yaml"));
    Files.writeString(
        project.resolve("broken.yaml"),
        "name: broken\nstages:\n  - name: in\n    action: Inline Recordz\n",
        StandardCharsets.UTF_8);
    String flow = home.resolve("bin/flow").toString();

    Result ok = exec(project, List.of(flow, "validate", "quickstart.yaml"));
    assertThat(ok.code()).as(ok.output()).isZero();

    Result bad = exec(project, List.of(flow, "validate", "broken.yaml"));
    assertThat(bad.code()).as(bad.output()).isNotZero();
    assertThat(bad.output()).contains("broken.yaml:4:13").contains("Inline Recordz");
  }

  @Test
  void theFirstRunRecordsAClassArchiveInTheUsersCacheThatLaterRunsUse() throws Exception {
    Path project = Files.createDirectories(work.resolve("cds-project"));
    Files.copy(Path.of("../examples/quickstart.yaml"), project.resolve("quickstart.yaml"));
    Path cache = work.resolve("cds-cache");
    List<String> run = List.of(home.resolve("bin/flow").toString(), "run", "quickstart.yaml");
    String records =
        "{\"id\":1,\"customer\":{\"email\":\"***\"},\"amount\":120.5,\"qty\":2,"
            + "\"country\":\"DE\",\"customerName\":\"Ada\",\"unitPrice\":60.25}\n"
            + "{\"id\":3,\"customer\":{\"email\":\"***\"},\"amount\":310.0,\"qty\":5,"
            + "\"country\":\"DE\",\"customerName\":\"Cyd\",\"unitPrice\":62.0}\n";

    Result off = exec(project, run, Map.of("XDG_CACHE_HOME", cache.toString(), "FLOW_CDS", "off"));
    assertThat(off.code()).as(off.output()).isZero();
    assertThat(off.stdout()).isEqualTo(records);
    assertThat(cache).doesNotExist();

    Result first = exec(project, run, Map.of("XDG_CACHE_HOME", cache.toString()));
    assertThat(first.code()).as(first.output()).isZero();
    assertThat(first.stdout()).isEqualTo(records);
    assertThat(first.output())
        .contains("flow: recording the classes a run loads, for faster starts");
    List<Path> archives;
    try (var files = Files.list(cache.resolve("flow"))) {
      archives = files.toList();
    }
    assertThat(archives).hasSize(1);
    Path archive = archives.get(0);
    assertThat(archive.getFileName().toString()).startsWith("classes-").endsWith(".jsa");

    // The second run maps the recorded classes (the JVM's class-loading log says where each came
    // from) and records nothing.
    Result second =
        exec(
            project,
            List.of(home.resolve("bin/flow").toString(), "validate", "quickstart.yaml"),
            Map.of(
                "XDG_CACHE_HOME",
                cache.toString(),
                "FLOW_JAVA_OPTS",
                "-Xlog:class+load=info:file=" + work.resolve("classes.log")));
    assertThat(second.code()).as(second.output()).isZero();
    assertThat(second.output()).doesNotContain("recording");
    assertThat(Files.readString(work.resolve("classes.log")))
        .contains("dev.flow.job.cli.FlowCli source: shared objects file (top)");

    // An archive the JVM refuses (here: not an archive at all) is ignored without a word.
    Files.writeString(archive, "not an archive");
    Result refused = exec(project, run, Map.of("XDG_CACHE_HOME", cache.toString()));
    assertThat(refused.code()).as(refused.output()).isZero();
    assertThat(refused.stdout()).isEqualTo(records);
  }

  record Result(int code, String output, String stdout) {}

  static Result exec(Path dir, List<String> command) throws IOException, InterruptedException {
    return exec(dir, command, Map.of());
  }

  static Result exec(Path dir, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(work, "out-", ".txt");
    Path err = Files.createTempFile(work, "err-", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    return new Result(
        p.exitValue(), stdout + Files.readString(err, StandardCharsets.UTF_8), stdout);
  }
}

package dev.flow.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  record Result(int code, String output) {}

  static Result exec(Path dir, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}

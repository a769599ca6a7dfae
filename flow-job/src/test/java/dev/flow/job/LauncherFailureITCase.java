package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A failed {@code ./flow run} shows Flow's one-line message and where Flink's log is, and keeps
 * Flink's stack traces in that file instead of on the console.
 */
class LauncherFailureITCase {

  @Test
  void aFailedRunShowsOneLineAndKeepsFlinksLogInAFile() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    Path dir = Files.createDirectories(Path.of("target/launcher-failure").toAbsolutePath());
    Path flow = dir.resolve("fail.yaml");
    Files.writeString(
        flow,
        """
        name: failing
        settings:
          restart: {strategy: none}
        stages:
          - name: rows
            action: Database Poll
            props: {url: "jdbc:postgresql://127.0.0.1:PORT/none", user: u, password: p, table: t, positionColumn: id, retries: 1}
            out: [print]
          - {name: print, action: Log, props: {}, out: []}
        """
            .replace("PORT", String.valueOf(port)));
    Path log = dir.resolve("flow.log");
    Files.deleteIfExists(log);
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of("..", "flow").toAbsolutePath().toString(),
            "run",
            "--no-progress",
            flow.toString());
    pb.environment().put("FLOW_LOG_FILE", log.toString());
    // Not the class archive's test: recording it would only add to this test's time.
    pb.environment().put("FLOW_CDS", "off");
    pb.redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(err)
        .contains(
            "flow 'failing' failed: stage \"rows\" (Database Poll): cannot reach the database after"
                + " 2 attempts: Connection to 127.0.0.1:"
                + port
                + " refused.")
        .endsWith("Flink's log, with the stack traces: " + log + "\n");
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("dev.flow.connectors.ConnectorException: stage \"rows\" (Database Poll)")
        .contains("\tat ");
  }
}

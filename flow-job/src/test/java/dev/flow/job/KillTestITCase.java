package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kill -9 end-to-end test ({@code deploy/local/e2e-kill-test}) on a real standalone cluster and
 * Kafka broker. It runs in every {@code mvn verify}; it starts processes and takes a few minutes,
 * so it can be skipped with {@code FLOW_E2E=0} or {@code -Dflow.e2e=false}.
 */
class KillTestITCase {
  private static final Path SCRIPT = Path.of("../deploy/local/e2e-kill-test");

  @Test
  void noRecordIsLostOrDuplicatedWhileTaskManagersAreKilled() throws Exception {
    assumeTrue(
        !"0".equals(System.getenv("FLOW_E2E")) && !"false".equals(System.getProperty("flow.e2e")),
        "the kill -9 end-to-end test was switched off with FLOW_E2E=0 or -Dflow.e2e=false");
    assertThat(Path.of("target/flow-job.jar")).as("the cluster jar, from mvn package").exists();
    assertThat(Files.isExecutable(SCRIPT)).isTrue();

    Process p =
        new ProcessBuilder("bash", SCRIPT.toString(), "--records", "3000", "--kills", "3")
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        System.out.println(line);
        lines.add(line);
      }
    }
    assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
    assertThat(lines)
        .anySatisfy(
            l -> assertThat(l).matches("records=3000 lost=0 duplicated=0 restores=[1-9][0-9]*"));
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("per-stage series for stages orders, tidy, sink"));
  }
}

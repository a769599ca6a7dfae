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
 * The savepoint upgrade end-to-end test ({@code deploy/local/e2e-upgrade-test}) on a real
 * standalone cluster and Kafka broker: stop with a savepoint mid-stream and resume with no loss or
 * duplicate, then a renamed stateful stage refused at submission. It runs in every {@code mvn
 * verify} and takes about two minutes; skip it with {@code FLOW_E2E=0} or {@code -Dflow.e2e=false}.
 */
class UpgradeTestITCase {
  private static final Path SCRIPT = Path.of("../deploy/local/e2e-upgrade-test");

  @Test
  void aSavepointResumesExactlyOnceAndARenamedStatefulStageIsRefused() throws Exception {
    assumeTrue(
        !"0".equals(System.getenv("FLOW_E2E")) && !"false".equals(System.getProperty("flow.e2e")),
        "the end-to-end tests were switched off with FLOW_E2E=0 or -Dflow.e2e=false");
    assertThat(Path.of("target/flow-job.jar")).as("the cluster jar, from mvn package").exists();
    assertThat(Files.isExecutable(SCRIPT)).isTrue();

    Process p =
        new ProcessBuilder("bash", SCRIPT.toString(), "--records", "2000")
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
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
    assertThat(lines)
        .contains(
            "records=2000 lost=0 duplicated=0 savepoint=ok rename=refused"
                + " allowNonRestoredState=ok");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .endsWith(
                        "flow-renamed.yaml:16:5: error: stage \"dedupe\" (Deduplicate): has no"
                            + " state in the savepoint, so it would start empty; if it was renamed,"
                            + " give it back its old name to keep its state (the keys seen within"
                            + " ttl)"));
  }
}

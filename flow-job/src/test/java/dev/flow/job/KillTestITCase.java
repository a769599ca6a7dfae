package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kill -9 end-to-end test ({@code deploy/local/e2e-kill-test}) on a real standalone cluster and
 * Kafka broker. It runs in every {@code mvn verify}; it starts processes and takes a few minutes,
 * so it can be skipped with {@code FLOW_E2E=0} or {@code -Dflow.e2e=false}.
 */
class KillTestITCase {
  @Test
  void noRecordIsLostOrDuplicatedWhileTaskManagersAreKilled() throws Exception {
    List<String> lines = E2eScript.run("e2e-kill-test", 20, "--records", "3000", "--kills", "3");
    assertThat(lines)
        .anySatisfy(
            l -> assertThat(l).matches("records=3000 lost=0 duplicated=0 restores=[1-9][0-9]*"));
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("per-stage series for stages orders, tidy, sink"));
  }
}

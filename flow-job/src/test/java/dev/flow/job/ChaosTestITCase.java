package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chaos end-to-end tests of {@code deploy/local/} on a real standalone cluster: the Kafka
 * broker killed with kill -9 and restarted ({@code e2e-broker-kill-test}), and the JobManager
 * killed with kill -9 under ZooKeeper high availability, a new one recovering the job ({@code
 * e2e-jobmanager-kill-test}). Together they take several minutes, so they run only with {@code
 * FLOW_E2E_CHAOS=1} or {@code -Dflow.e2e.chaos=true} (and not with {@code FLOW_E2E=0}).
 */
class ChaosTestITCase {
  @BeforeEach
  void onlyWhenAskedFor() {
    assumeTrue(
        "1".equals(System.getenv("FLOW_E2E_CHAOS"))
            || "true".equals(System.getProperty("flow.e2e.chaos")),
        "the chaos tests run only with FLOW_E2E_CHAOS=1 or -Dflow.e2e.chaos=true");
  }

  @Test
  void noRecordIsLostOrDuplicatedWhileTheBrokerIsKilled() throws Exception {
    List<String> lines =
        E2eScript.run("e2e-broker-kill-test", 20, "--records", "3000", "--kills", "2");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches("records=3000 lost=0 duplicated=0 broker-kills=2 restores=[0-9]+"));
  }

  @Test
  void noRecordIsLostOrDuplicatedWhileTheJobManagerIsKilledUnderZooKeeperHa() throws Exception {
    List<String> lines =
        E2eScript.run("e2e-jobmanager-kill-test", 20, "--records", "3000", "--kills", "2");
    assertThat(lines).contains("records=3000 lost=0 duplicated=0 jobmanager-kills=2 recovered=2");
  }
}

package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The savepoint upgrade end-to-end test ({@code deploy/local/e2e-upgrade-test}) on a real
 * standalone cluster and Kafka broker: stop with a savepoint mid-stream and resume with no loss or
 * duplicate, then a renamed stateful stage refused at submission. It runs in every {@code mvn
 * verify} and takes about two minutes; skip it with {@code FLOW_E2E=0} or {@code -Dflow.e2e=false}.
 */
class UpgradeTestITCase {
  @Test
  void aSavepointResumesExactlyOnceAndARenamedStatefulStageIsRefused() throws Exception {
    List<String> lines = E2eScript.run("e2e-upgrade-test", 10, "--records", "2000");
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

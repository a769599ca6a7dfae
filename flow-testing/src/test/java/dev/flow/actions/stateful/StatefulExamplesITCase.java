package dev.flow.actions.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.CapturedRun;
import dev.flow.testing.FlowMiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stateful examples validate, and the Reduce example gives its exact windows. */
class StatefulExamplesITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  private static String example(String name) throws Exception {
    return Files.readString(Path.of("..", "examples", name));
  }

  @Test
  void accumulateExampleIsValid() throws Exception {
    assertThat(CapturedRun.errors(CapturedRun.validate(example("accumulate-batches.yaml"))))
        .isEmpty();
  }

  @Test
  void reducePerCustomerGivesPerMinuteCountsAndSums() throws Exception {
    CapturedRun run = CapturedRun.run("example-reduce", example("reduce-per-customer.yaml"));
    assertThat(run.at("print"))
        .containsExactlyInAnyOrder(
            w("ada", "10:00", "10:01", 3, 192.5, 120.5, "[1,3,4]"),
            w("bob", "10:00", "10:01", 1, 15.0, 15.0, "[2]"),
            w("bob", "10:01", "10:02", 1, 99.0, 99.0, "[5]"),
            w("cyd", "10:01", "10:02", 1, 7.5, 7.5, "[6]"),
            w("ada", "10:02", "10:03", 1, 12.0, 12.0, "[7]"));
    // The example promises a late order: id 8 comes after its minute has closed.
    assertThat(run.at("late orders"))
        .containsExactly(
            "{\"n\":7,\"id\":8,\"customer\":\"ada\",\"amount\":8.0,\"at\":\"2026-01-05T10:00:10Z\"}");
    assertThat(run.errors()).isEmpty();
  }

  private static String w(
      String c, String start, String end, int n, double total, double max, String ids) {
    return ("{\"customer\":\"%s\",\"windowStart\":\"2026-01-05T%s:00Z\",\"windowEnd\":"
            + "\"2026-01-05T%s:00Z\",\"orders\":%d,\"total\":%s,\"biggest\":%s,\"ids\":%s}")
        .formatted(c, start, end, n, total, max, ids);
  }
}

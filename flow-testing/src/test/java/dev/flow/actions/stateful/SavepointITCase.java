package dev.flow.actions.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.CapturedRun;
import dev.flow.testing.FlowMiniCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointConfigOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops a running flow with a savepoint while Reduce windows and Accumulate batches are open,
 * restores the same flow from it, and checks the results equal those of an uninterrupted run.
 */
class SavepointITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @TempDir Path dir;

  private static final String FLOW =
      RestartITCase.FLOW.replace("rate: 4", "rate: 5").replace("count: 16", "count: 30");

  private static List<String> sortedWithoutTimes(List<String> records) {
    return records.stream()
        .map(b -> b.replaceAll(",\"firstTime\":\"[^\"]+\",\"lastTime\":\"[^\"]+\"", ""))
        .sorted()
        .toList();
  }

  @Test
  void aFlowRestoredFromASavepointGivesTheResultsOfAnUninterruptedRun() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CapturedRun clean = CapturedRun.build("sp-clean", FLOW, env, Long.MAX_VALUE);
    env.execute("sp-clean");

    StreamExecutionEnvironment first = StreamExecutionEnvironment.getExecutionEnvironment();
    CapturedRun before = CapturedRun.build("sp-before", FLOW, first, Long.MAX_VALUE);
    JobClient job = first.executeAsync("sp-before");
    Thread.sleep(2500); // about half of the 30 records, at 5 a second
    String savepoint =
        job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL).get();

    Configuration conf = new Configuration();
    conf.set(SavepointConfigOptions.SAVEPOINT_PATH, savepoint);
    StreamExecutionEnvironment second = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    CapturedRun after = CapturedRun.build("sp-after", FLOW, second, Long.MAX_VALUE);
    second.execute("sp-after");

    List<String> windows = new ArrayList<>(before.committed("windows"));
    windows.addAll(after.committed("windows"));
    List<String> batches = new ArrayList<>(before.committed("batched"));
    batches.addAll(after.committed("batched"));
    assertThat(after.committed("windows")).isNotEmpty();
    assertThat(before.committed("batched")).isNotEmpty();
    assertThat(sortedWithoutTimes(windows))
        .isEqualTo(sortedWithoutTimes(clean.committed("windows")));
    assertThat(sortedWithoutTimes(batches))
        .isEqualTo(sortedWithoutTimes(clean.committed("batched")));
  }
}

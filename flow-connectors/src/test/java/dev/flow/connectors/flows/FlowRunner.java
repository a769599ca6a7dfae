package dev.flow.connectors.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.FlowCompiler;
import dev.flow.parse.FlowParser;
import dev.flow.record.Json;
import dev.flow.validate.FlowValidator;
import dev.flow.validate.ValidatedFlow;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Compiles flow YAML with the real compiler and runs it, failing TaskManagers on the way. */
final class FlowRunner {
  private FlowRunner() {}

  /** Parses, validates and translates {@code yaml}; starts the job. */
  static JobClient start(String yaml, String file) throws Exception {
    ValidatedFlow flow =
        new FlowValidator(FlowCompiler.registry())
            .validate(new FlowParser(FlowParser.Options.defaults()).parse(yaml, file));
    assertThat(flow.problems()).isEmpty();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowCompiler.translate(flow, env);
    return env.executeAsync(flow.def().name());
  }

  /**
   * Kills the running TaskManager {@code failures} times and starts a fresh one each time, so the
   * job restores from its last checkpoint. Before each kill it waits until every task runs, a
   * checkpoint completed since the previous kill, and {@code progress} grew.
   *
   * <p>Returns the most output an at-least-once sink can repeat through these kills, counted in
   * {@code progress} units: a restore replays what was read after the restored checkpoint's
   * barrier, so each kill repeats at most the output written from that checkpoint's trigger to the
   * kill. Checkpoint N is triggered only after N-1 completed, so the output last seen while fewer
   * than N-1 checkpoints had completed (progress is read before the count) is a floor for the
   * output at N's trigger; the output read after the kill is a ceiling for the output before it.
   */
  static long failTaskManagers(MiniCluster cluster, JobID job, int failures, LongSupplier progress)
      throws Exception {
    java.util.TreeMap<Long, Long> seenAtCount = new java.util.TreeMap<>();
    long last = progress.getAsLong();
    long checkpoints = completedCheckpoints(cluster, job);
    seenAtCount.put(checkpoints, last);
    long replayBound = 0;
    for (int i = 0; i < failures; i++) {
      long deadline = System.nanoTime() + 180_000_000_000L;
      boolean ready = false;
      while (!ready && System.nanoTime() < deadline) {
        Thread.sleep(50);
        long out = progress.getAsLong();
        long count = completedCheckpoints(cluster, job);
        seenAtCount.put(count, out);
        ready = allRunning(cluster, job) && count > checkpoints && out > last;
      }
      assertThat(ready).as("progress and a new checkpoint before kill %d", i + 1).isTrue();
      last = progress.getAsLong();
      checkpoints = completedCheckpoints(cluster, job);
      cluster.terminateTaskManager(i).get();
      var floor = seenAtCount.floorEntry(checkpoints - 2);
      long atTrigger = floor == null ? 0 : floor.getValue();
      replayBound += progress.getAsLong() - atTrigger;
      cluster.startTaskManager();
    }
    return replayBound;
  }

  static long completedCheckpoints(MiniCluster cluster, JobID job) throws Exception {
    AccessExecutionGraph g = cluster.getExecutionGraph(job).get();
    return g.getCheckpointStatsSnapshot() == null
        ? 0
        : g.getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints();
  }

  static boolean allRunning(MiniCluster cluster, JobID job) throws Exception {
    for (AccessExecutionVertex v : cluster.getExecutionGraph(job).get().getAllExecutionVertices()) {
      if (v.getExecutionState() != ExecutionState.RUNNING) {
        return false;
      }
    }
    return true;
  }

  /** How often each {@code id} occurs among JSON values. */
  static Map<Long, Integer> countIds(List<String> values) throws IOException {
    Map<Long, Integer> seen = new HashMap<>();
    for (String v : values) {
      JsonNode n = Json.MAPPER.readTree(v);
      seen.merge(n.get("id").asLong(), 1, Integer::sum);
    }
    return seen;
  }
}

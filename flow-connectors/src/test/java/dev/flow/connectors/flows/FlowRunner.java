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
import org.apache.flink.core.execution.JobClient;
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
   * Kills the running TaskManager {@code failures} times, each time once {@code progress} has grown
   * since the last kill, and starts a fresh one so the job restores from its last checkpoint.
   */
  static void failTaskManagers(MiniCluster cluster, int failures, LongSupplier progress)
      throws Exception {
    long last = progress.getAsLong();
    for (int i = 0; i < failures; i++) {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (progress.getAsLong() <= last && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      last = progress.getAsLong();
      cluster.terminateTaskManager(i).get();
      cluster.startTaskManager();
    }
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

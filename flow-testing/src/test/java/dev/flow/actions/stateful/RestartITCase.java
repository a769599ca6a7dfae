package dev.flow.actions.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.CapturedRun;
import dev.flow.testing.FlowMiniCluster;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fails a checkpointed flow mid-stream, while Reduce windows and Accumulate batches are open, and
 * checks that with exactly-once captures the results equal those of an uninterrupted run.
 */
class RestartITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  static final String FLOW =
      """
      name: restart
      settings:
        checkpointing: {enabled: on, interval: 200ms}
        restart: {strategy: fixed-delay, attempts: 3, delay: 200ms}
      stages:
        - name: orders
          action: Generator
          props: {fields: {n: seq}, count: 16, rate: 4}
          out: [shape]
        - name: shape
          action: Map
          props:
            fields:
              customer: '["a", "b", "c"][n % 3]'
              amount: n
              at: n * 1000
          out: [per customer, batches]
        - name: per customer
          action: Reduce
          props:
            keyField: customer
            timeField: at
            size: 5s
            maxOutOfOrderness: 0s
            aggregates: {orders: count, total: sum(amount), amounts: collectList(amount)}
          out: [windows]
        - name: batches
          action: Accumulate
          props: {keyField: customer, maxRecords: 2, maxWait: 0s}
          out: [batched]
        - name: windows
          action: Trash
        - name: batched
          action: Trash
      """;

  private static CapturedRun run(String name, long failAt) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    CapturedRun r = CapturedRun.build(name, FLOW, env, failAt);
    env.execute(name);
    return r;
  }

  private static List<String> withoutTimes(List<String> batches) {
    return batches.stream()
        .map(b -> b.replaceAll(",\"firstTime\":\"[^\"]+\",\"lastTime\":\"[^\"]+\"", ""))
        .sorted()
        .toList();
  }

  @Test
  void resultsAfterAFailureEqualAnUninterruptedRun() throws Exception {
    CapturedRun clean = run("restart-clean", Long.MAX_VALUE);
    CapturedRun failed = run("restart-failed", 9);
    assertThat(failed.failedOnce()).isTrue();
    assertThat(clean.failedOnce()).isFalse();

    List<String> windows = clean.committed("windows").stream().sorted().toList();
    assertThat(windows).hasSize(10);
    assertThat(windows)
        .contains(
            "{\"key\":\"a\",\"windowStart\":\"1970-01-01T00:00:00Z\",\"windowEnd\":"
                + "\"1970-01-01T00:00:05Z\",\"orders\":2,\"total\":3,\"amounts\":[0,3]}");
    assertThat(failed.committed("windows").stream().sorted().toList()).isEqualTo(windows);

    List<String> batches = withoutTimes(clean.committed("batched"));
    assertThat(batches).hasSize(9);
    assertThat(withoutTimes(failed.committed("batched"))).isEqualTo(batches);
  }
}

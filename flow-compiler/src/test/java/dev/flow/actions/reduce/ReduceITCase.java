package dev.flow.actions.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.testing.CapturedRun;
import dev.flow.actions.testing.MiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs Reduce flows with paced event-time data, out-of-order and late records included. */
class ReduceITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniCluster.extension();

  /**
   * Seven orders, two a second so the watermark moves between them (the source's rate limiter may
   * burst the first few, which are all on time). Event times (s): a@1, b@2, a@11, a@4 (out of
   * order, on time), b@13 (closes [0,10)), a@6 (late), a@25.
   */
  static String flow(String name, String reduceExtra, String reduceOut, String moreStages) {
    return """
        name: %s
        stages:
          - name: orders
            action: Generator
            props:
              fields: {n: seq}
              count: 7
              rate: 2
            out: [shape]
          - name: shape
            action: Map
            props:
              fields:
                customer: '["a", "b", "a", "a", "b", "a", "a"][n]'
                amount: '[10, 5, 1, 7, 3, 100, 2][n]'
                at: '[1000, 2000, "1970-01-01T00:00:11Z", 4000, 13000, 6000, 25000][n]'
            out: [per customer]
          - name: per customer
            action: Reduce
            props:
              keyField: customer
              timeField: at
              size: 10s
              maxOutOfOrderness: 2s
              aggregates:
                orders: count
                total: sum(amount)
                biggest: max(amount)
                amounts: collectList(amount)
        %s
            out: [%s]
          - name: results
            action: Trash
        %s
        """
        .formatted(name, reduceExtra, reduceOut, moreStages);
  }

  private static String window(
      String key, int start, int end, int n, int total, int max, String list) {
    return "{\"key\":\"%s\",\"windowStart\":\"1970-01-01T00:00:%02dZ\",\"windowEnd\":\"1970-01-01T00:00:%02dZ\",\"orders\":%d,\"total\":%d,\"biggest\":%d,\"amounts\":%s}"
        .formatted(key, start, end, n, total, max, list);
  }

  @Test
  void tumblingEventTimeWindowsGiveExactResultsAndLateRecordsReachTheErrorStage() throws Exception {
    CapturedRun run = CapturedRun.run("reduce-late-errors", flow("late errors", "", "results", ""));
    assertThat(run.at("results"))
        .containsExactlyInAnyOrder(
            window("a", 0, 10, 2, 17, 10, "[10,7]"),
            window("b", 0, 10, 1, 5, 5, "[5]"),
            window("a", 10, 20, 1, 1, 1, "[1]"),
            window("b", 10, 20, 1, 3, 3, "[3]"),
            window("a", 20, 30, 1, 2, 2, "[2]"));
    assertThat(run.errorMessages())
        .containsExactly(
            "late record: event time 1970-01-01T00:00:06Z is in a window that has closed");
    // The error record keeps the record as the trigger made it (the default policy).
    assertThat(run.errors().get(0))
        .contains("\"stage\":\"per customer\"")
        .endsWith("\"record\":{\"n\":5}}");
  }

  @Test
  void allowedLatenessUpdatesTheClosedWindow() throws Exception {
    CapturedRun run =
        CapturedRun.run(
            "reduce-lateness", flow("lateness", "      allowedLateness: 30s", "results", ""));
    assertThat(run.at("results"))
        .containsExactlyInAnyOrder(
            window("a", 0, 10, 2, 17, 10, "[10,7]"),
            window("b", 0, 10, 1, 5, 5, "[5]"),
            window("a", 0, 10, 3, 117, 100, "[10,7,100]"),
            window("a", 10, 20, 1, 1, 1, "[1]"),
            window("b", 10, 20, 1, 3, 3, "[3]"),
            window("a", 20, 30, 1, 2, 2, "[2]"));
    assertThat(run.errors()).isEmpty();
  }

  @Test
  void lateRecordsGoToTheNamedBranch() throws Exception {
    String late =
        """
          - name: late
            action: Trash
        """;
    CapturedRun run =
        CapturedRun.run(
            "reduce-late-branch",
            flow(
                "late branch",
                "      lateRecords: branch\n      lateStage: late",
                "results, late",
                late));
    assertThat(run.at("results")).hasSize(5);
    assertThat(run.at("late"))
        .containsExactly("{\"n\":5,\"customer\":\"a\",\"amount\":100,\"at\":6000}");
    assertThat(run.errors()).isEmpty();
  }
}

package dev.flow.actions.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.CapturedRun;
import dev.flow.testing.FlowMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs Reduce flows with paced event-time data, out-of-order and late records included. */
class ReduceITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

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

  @Test
  void sessionWindowsMergeRecordsCloserThanTheGap() throws Exception {
    String yaml =
        flow("sessions", "      window: session\n      gap: 3s", "results", "")
            .replace("size: 10s", "maxOutOfOrderness: 30s")
            .replace("      maxOutOfOrderness: 2s\n", "");
    CapturedRun run = CapturedRun.run("reduce-sessions", yaml);
    assertThat(run.at("results"))
        .containsExactlyInAnyOrder(
            "{\"key\":\"a\",\"windowStart\":\"1970-01-01T00:00:01Z\",\"windowEnd\":\"1970-01-01T00:00:09Z\",\"orders\":3,\"total\":117,\"biggest\":100,\"amounts\":[10,7,100]}",
            "{\"key\":\"a\",\"windowStart\":\"1970-01-01T00:00:11Z\",\"windowEnd\":\"1970-01-01T00:00:14Z\",\"orders\":1,\"total\":1,\"biggest\":1,\"amounts\":[1]}",
            "{\"key\":\"a\",\"windowStart\":\"1970-01-01T00:00:25Z\",\"windowEnd\":\"1970-01-01T00:00:28Z\",\"orders\":1,\"total\":2,\"biggest\":2,\"amounts\":[2]}",
            "{\"key\":\"b\",\"windowStart\":\"1970-01-01T00:00:02Z\",\"windowEnd\":\"1970-01-01T00:00:05Z\",\"orders\":1,\"total\":5,\"biggest\":5,\"amounts\":[5]}",
            "{\"key\":\"b\",\"windowStart\":\"1970-01-01T00:00:13Z\",\"windowEnd\":\"1970-01-01T00:00:16Z\",\"orders\":1,\"total\":3,\"biggest\":3,\"amounts\":[3]}");
    assertThat(run.errors()).isEmpty();
  }

  @Test
  void processingTimeWindowsStillOpenAtTheEndOfInputAreEmitted() throws Exception {
    String yaml =
        flow("processing", "", "results", "")
            .replace("      timeField: at\n", "")
            .replace("size: 10s", "size: 1h");
    CapturedRun run = CapturedRun.run("reduce-processing", yaml);
    assertThat(
            run.at("results").stream()
                .map(r -> r.replaceAll("\"windowStart\":\"[^\"]+\",\"windowEnd\":\"[^\"]+\",", ""))
                .toList())
        .containsExactlyInAnyOrder(
            "{\"key\":\"a\",\"orders\":5,\"total\":120,\"biggest\":100,\"amounts\":[10,1,7,100,2]}",
            "{\"key\":\"b\",\"orders\":2,\"total\":8,\"biggest\":5,\"amounts\":[5,3]}");
  }

  @Test
  void slidingWindowsCountARecordInEveryWindowThatHoldsIt() throws Exception {
    String yaml =
        flow("sliding", "      window: sliding\n      slide: 5s", "results", "")
            .replace("maxOutOfOrderness: 2s", "maxOutOfOrderness: 30s");
    CapturedRun run = CapturedRun.run("reduce-sliding", yaml);
    String before =
        "\"windowStart\":\"1969-12-31T23:59:55Z\",\"windowEnd\":\"1970-01-01T00:00:05Z\"";
    assertThat(run.at("results"))
        .containsExactlyInAnyOrder(
            "{\"key\":\"a\","
                + before
                + ",\"orders\":2,\"total\":17,\"biggest\":10,\"amounts\":[10,7]}",
            "{\"key\":\"b\"," + before + ",\"orders\":1,\"total\":5,\"biggest\":5,\"amounts\":[5]}",
            window("a", 0, 10, 3, 117, 100, "[10,7,100]"),
            window("b", 0, 10, 1, 5, 5, "[5]"),
            window("a", 5, 15, 2, 101, 100, "[1,100]"),
            window("b", 5, 15, 1, 3, 3, "[3]"),
            window("a", 10, 20, 1, 1, 1, "[1]"),
            window("b", 10, 20, 1, 3, 3, "[3]"),
            window("a", 20, 30, 1, 2, 2, "[2]"),
            window("a", 25, 35, 1, 2, 2, "[2]"));
    assertThat(run.errors()).isEmpty();
  }
}

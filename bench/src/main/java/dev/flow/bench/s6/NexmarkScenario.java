package dev.flow.bench.s6;

import dev.flow.bench.Alternating;
import dev.flow.bench.Alternating.Stats;
import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import dev.flow.bench.Variant;
import dev.flow.bench.flink.Marks;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S6: the Nexmark queries Flow can express, each as a flow and as Flink SQL over the same generated
 * bids, in alternating rounds; then one more run of each with their outputs kept and compared.
 */
public final class NexmarkScenario implements Scenario {
  private final String flows;

  /**
   * @param flows the folder of the {@code nexmark-q*.yaml} flows
   */
  public NexmarkScenario(String flows) {
    this.flows = flows;
  }

  @Override
  public String id() {
    return "S6";
  }

  @Override
  public String title() {
    return "Nexmark bids, Flow flows against Flink SQL, parallelism 1";
  }

  /**
   * Half the events of the other scenarios in quick mode and a quarter in the full run: each query
   * runs both variants every round and once more to compare them, six queries in all.
   */
  static int bids(Settings s) {
    return s.quick() ? s.events() / 2 : s.events() / 4;
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    NexmarkEvents.count(bids(s));
    List<String> summary = new ArrayList<>();
    for (NexmarkQuery q : NexmarkQuery.all()) {
      log.printf("  -- %s %s%n", q.id(), q.title());
      FlowNexmark flow = new FlowNexmark(q.id(), flows + q.flow());
      SqlNexmark sql = new SqlNexmark(q);
      Map<String, Stats> stats =
          Alternating.run(List.<Variant>of(flow, sql), s.warmups(), s.rounds(), log);
      String equal = compare(q, flow, sql);
      double f = stats.get("flow").median();
      double t = stats.get("sql").median();
      for (Stats st : stats.values()) {
        report.row(
            id() + " " + q.id(),
            st.name(),
            Report.rate(st.median()),
            st.name().equals("flow") ? "×sql " + Report.ratio(f / t) : "",
            String.format(
                "out=%d; spread %s–%s; %s",
                st.last().outputs(),
                Report.rate(st.min()),
                Report.rate(st.max()),
                equal == null ? "results equal" : "RESULTS DIFFER: " + equal));
      }
      summary.add(q.id() + "=" + Report.ratio(f / t) + (equal == null ? "" : "(DIFFER)"));
    }
    report.summary("S6 flow/sql " + String.join(" ", summary));
  }

  /** Runs both once more keeping their outputs; null when they are equal. */
  private static String compare(NexmarkQuery q, FlowNexmark flow, SqlNexmark sql) throws Exception {
    flow.collect = true;
    sql.collect = true;
    try {
      flow.run();
      List<String> a = Outputs.canonical(Marks.collected(), q.fields());
      sql.run();
      List<String> b = Outputs.canonical(Marks.collected(), q.fields());
      return Outputs.difference(a, b);
    } finally {
      flow.collect = false;
      sql.collect = false;
    }
  }
}

package dev.flow.bench.s1;

import dev.flow.bench.Alternating;
import dev.flow.bench.Alternating.Stats;
import dev.flow.bench.Events;
import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import dev.flow.bench.Variant;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** S1: remap + filter, Flow against a plain loop, a hand-written job and Flink SQL. */
public final class RemapFilterScenario implements Scenario {
  private final Variant flow;
  private final String flowNote;
  private final Variant fullOnly;
  private final String fullOnlyNote;

  /**
   * @param flow the Flow variant the summary is about
   * @param fullOnly another Flow variant measured in the full mode only, or null
   */
  public RemapFilterScenario(Variant flow, String flowNote, Variant fullOnly, String fullOnlyNote) {
    this.flow = flow;
    this.flowNote = flowNote;
    this.fullOnly = fullOnly;
    this.fullOnlyNote = fullOnlyNote;
  }

  @Override
  public String id() {
    return "S1";
  }

  @Override
  public String title() {
    return "remap + filter, parallelism 1";
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    Events.prepare(s.events());
    Events.string(0);
    List<Variant> variants = new ArrayList<>();
    variants.add(new LoopVariant());
    variants.add(new DataStreamVariant());
    variants.add(new SqlVariant());
    variants.add(flow);
    if (fullOnly != null && !s.quick()) {
      variants.add(fullOnly);
    }
    Map<String, Stats> stats = Alternating.run(variants, s.warmups(), s.rounds(), log);
    double loop = stats.get("loop").median();
    double hand = stats.get("handwritten").median();
    double sql = stats.get("sql").median();
    long expected = stats.get("loop").last().outputs();
    for (Stats st : stats.values()) {
      double m = st.median();
      String note = String.format("spread %s–%s", Report.rate(st.min()), Report.rate(st.max()));
      if (st.last().outputs() != expected) {
        note += "; OUTPUT COUNT DIFFERS: " + st.last().outputs() + " vs " + expected;
      }
      if (st.name().equals(flow.name())) {
        note += "; " + flowNote;
      }
      if (fullOnly != null && st.name().equals(fullOnly.name())) {
        note += "; " + fullOnlyNote;
      }
      if (st.name().equals("sql")) {
        note += "; items embedded as an escaped string";
      }
      report.row(
          id(),
          st.name(),
          Report.rate(m),
          "×loop " + Report.ratio(m / loop) + ", ×hand " + Report.ratio(m / hand),
          note);
    }
    double f = stats.get(flow.name()).median();
    report.summary(
        "S1 flow/handwritten="
            + Report.ratio(f / hand)
            + " flow/loop="
            + Report.ratio(f / loop)
            + " flow/sql="
            + Report.ratio(f / sql));
  }
}

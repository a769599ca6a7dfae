package dev.flow.bench.s1;

import dev.flow.bench.Alternating;
import dev.flow.bench.Alternating.Stats;
import dev.flow.bench.Events;
import dev.flow.bench.ForkedVariant;
import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import dev.flow.bench.Variant;
import dev.flow.bench.VariantWorker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S1: remap + filter, Flow against a plain loop, a hand-written job and Flink SQL. All variants run
 * in the benchmark's JVM; with {@code --fork} each runs in a JVM of its own.
 */
public final class RemapFilterScenario implements Scenario {
  private final String flowNote;
  private final String fullOnlyNote;
  private final boolean forked;

  /**
   * @param flowNote the note on the Flow variant the summary is about ({@code flow})
   * @param fullOnlyNote the note on {@code flow-java}, measured in the full mode only
   * @param forked whether every variant runs in a JVM of its own ({@link ForkedVariant})
   */
  public RemapFilterScenario(String flowNote, String fullOnlyNote, boolean forked) {
    this.flowNote = flowNote;
    this.fullOnlyNote = fullOnlyNote;
    this.forked = forked;
  }

  @Override
  public String id() {
    return "S1";
  }

  @Override
  public String title() {
    return "remap + filter, parallelism 1, "
        + (forked ? "each variant in a JVM of its own" : "every variant in this JVM");
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    List<String> names = new ArrayList<>(List.of("loop", "handwritten", "sql", "flow"));
    if (!s.quick()) {
      names.add("flow-java");
    }
    List<Variant> variants = new ArrayList<>();
    if (forked) {
      for (String n : names) {
        variants.add(new ForkedVariant(n, "s1:" + n, s.events()));
      }
    } else {
      Events.prepare(s.events());
      Events.string(0);
      for (String n : names) {
        variants.add(VariantWorker.make("s1:" + n));
      }
    }
    Map<String, Stats> stats;
    try {
      stats = Alternating.run(variants, s.warmups(), s.rounds(), log);
    } finally {
      for (Variant v : variants) {
        if (v instanceof ForkedVariant f) {
          f.close();
        }
      }
    }
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
      if (st.name().equals("flow")) {
        note += "; " + flowNote;
      }
      if (st.name().equals("flow-java")) {
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
    double f = stats.get("flow").median();
    report.summary(
        "S1 flow/handwritten="
            + Report.ratio(f / hand)
            + " flow/loop="
            + Report.ratio(f / loop)
            + " flow/sql="
            + Report.ratio(f / sql)
            + (forked ? " jvms=one-per-variant" : ""));
  }
}

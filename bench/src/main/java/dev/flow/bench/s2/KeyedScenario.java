package dev.flow.bench.s2;

import dev.flow.bench.Alternating;
import dev.flow.bench.Alternating.Stats;
import dev.flow.bench.Events;
import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import dev.flow.bench.Variant;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** S2: keyed count+sum across a network exchange, Flow's serializer against Kryo and POJOs. */
public final class KeyedScenario implements Scenario {
  static final String NOTE =
      "bench/flows/s2-keyed-reduce.yaml: Bench Events → Reduce (keyField user.id, count,"
          + " sum(amount)) → Bench Key Lines";
  private final String flowYaml;

  public KeyedScenario(String flowYaml) {
    this.flowYaml = flowYaml;
  }

  @Override
  public String id() {
    return "S2";
  }

  @Override
  public String title() {
    return "keyed count+sum by user.id, parallelism 2, records cross a network exchange";
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    Events.prepare(s.events());
    List<Variant> variants =
        List.of(
            new HandwrittenKeyed(HandwrittenKeyed.Kind.KRYO),
            new HandwrittenKeyed(HandwrittenKeyed.Kind.POJO),
            new FlowKeyed(flowYaml));
    Map<String, Stats> stats = Alternating.run(variants, s.warmups(), s.rounds(), log);
    double kryo = stats.get("kryo").median();
    double pojo = stats.get("pojo").median();
    long checksum = stats.get("kryo").last().checksum();
    for (Stats st : stats.values()) {
      double m = st.median();
      String note = String.format("spread %s–%s", Report.rate(st.min()), Report.rate(st.max()));
      if (st.last().checksum() != checksum) {
        note += "; RESULTS DIFFER from the kryo variant";
      }
      if (st.name().equals("flow")) {
        note += "; " + NOTE;
      }
      report.row(
          id(),
          st.name(),
          Report.rate(m),
          "×kryo " + Report.ratio(m / kryo) + ", ×pojo " + Report.ratio(m / pojo),
          note);
    }
    double f = stats.get("flow").median();
    report.summary(
        "S2 flow/kryo=" + Report.ratio(f / kryo) + " flow/pojo=" + Report.ratio(f / pojo));
  }
}

package dev.flow.bench.r1;

import dev.flow.bench.Alternating;
import dev.flow.bench.Alternating.Stats;
import dev.flow.bench.Events;
import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import dev.flow.bench.Variant;
import dev.flow.bench.s1.FlowVariant;
import dev.flow.connectors.flowserver.FlowServerOptions;
import dev.flow.connectors.flowserver.FlowServerPublisherFactory;
import dev.flow.model.Node;
import dev.flow.model.StageDef;
import dev.flow.spi.FlowSettings;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * R1: the cost of recording runs. S1's flow with run reporting off, and on: each event is a run,
 * and its outcome goes through the Flow Server publisher (the runs stage a deployed flow gets) to
 * an in-process HTTP server that accepts the ingest. Both alternate in one JVM.
 */
public final class RunRecordingScenario implements Scenario {
  private final String flowPath;

  public RunRecordingScenario(String flowPath) {
    this.flowPath = flowPath;
  }

  @Override
  public String id() {
    return "R1";
  }

  @Override
  public String title() {
    return "run recording: S1's flow with run reporting to an HTTP ingest, on and off";
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    Events.prepare(s.events());
    try (IngestServer ingest = new IngestServer()) {
      Variant off = FlowVariant.yaml("runs-off", flowPath);
      FlowVariant onFlow =
          new FlowVariant(
              "runs-on", () -> reporting(FlowVariant.validated(flowPath), ingest.url()));
      Variant on =
          new Variant() {
            @Override
            public String name() {
              return onFlow.name();
            }

            @Override
            public Result run() throws Exception {
              ingest.reset();
              Result r = onFlow.run();
              // One outcome per event, and the bounded job's summary.
              if (ingest.lines() != Events.count() + 1L) {
                throw new IllegalStateException(
                    "runs-on: "
                        + ingest.lines()
                        + " run outcomes reached the server, not "
                        + (Events.count() + 1L));
              }
              return r;
            }
          };
      Map<String, Stats> stats = Alternating.run(List.of(off, on), s.warmups(), s.rounds(), log);
      double offRate = stats.get("runs-off").median();
      double onRate = stats.get("runs-on").median();
      long expected = stats.get("runs-off").last().outputs();
      for (Stats st : stats.values()) {
        double m = st.median();
        String note = String.format("spread %s–%s", Report.rate(st.min()), Report.rate(st.max()));
        if (st.last().outputs() != expected) {
          note += "; OUTPUT COUNT DIFFERS: " + st.last().outputs() + " vs " + expected;
        }
        note +=
            st.name().equals("runs-on")
                ? "; one run per event, "
                    + (Events.count() + 1L)
                    + " outcomes (with the job's) in "
                    + ingest.requests()
                    + " requests to the HTTP ingest"
                : "; bench/flows/s1-remap-filter.yaml, no runs stage";
        report.row(id(), st.name(), Report.rate(m), "×off " + Report.ratio(m / offRate), note);
      }
      report.summary("R1 runs_on/runs_off=" + Report.ratio(onRate / offRate));
    }
  }

  /**
   * The flow as the server deploys it: with the Flow Server publisher as its runs stage, as {@code
   * ServerReporting} of flow-job binds it (not a dependency of the benchmark).
   */
  static ValidatedFlow reporting(ValidatedFlow flow, String ingestUrl) {
    FlowServerPublisherFactory factory = new FlowServerPublisherFactory();
    var at = flow.def().location();
    StageDef def =
        new StageDef(
            "Run Records - " + factory.name(),
            factory.name(),
            new Node.MapNode(Map.of(), Map.of(), at),
            List.of(),
            at,
            at,
            at);
    ResolvedStage runs =
        new ResolvedStage(
            def,
            factory,
            FlowServerOptions.of(ingestUrl + "/runs", IngestServer.TOKEN),
            0,
            List.of());
    FlowSettings st = flow.settings();
    FlowSettings withRuns =
        new FlowSettings(
            st.parallelism(),
            st.maxParallelism(),
            st.checkpointing(),
            st.restart(),
            st.stateBackend(),
            st.errors(),
            FlowSettings.Runs.defaults());
    return new ValidatedFlow(
        flow.def(), withRuns, flow.stages(), flow.errorStage(), flow.problems(), runs);
  }
}

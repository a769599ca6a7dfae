package dev.flow.bench.actions;

import dev.flow.model.FlowDef;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.StageDef;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ValidatedFlow} chain in code, stage after stage, for measurements that must not
 * depend on the YAML parser: the same object the validator hands to the translator.
 */
public final class CodedFlow {
  private final String name;
  private final FlowSettings settings;
  private final List<StageDef> defs = new ArrayList<>();
  private final List<ActionFactory<? extends Record>> factories = new ArrayList<>();
  private final List<Record> options = new ArrayList<>();

  public CodedFlow(String name, FlowSettings settings) {
    this.name = name;
    this.settings = settings;
  }

  /** Appends a stage that receives the previous stage's output. */
  public CodedFlow then(String stageName, ActionFactory<? extends Record> factory, Record opts) {
    defs.add(def(stageName, factory.name()));
    factories.add(factory);
    options.add(opts);
    return this;
  }

  /** The chain as a validated flow, with {@code Bench Errors} as its error stage. */
  public ValidatedFlow build() {
    List<StageDef> linked = new ArrayList<>();
    List<ResolvedStage> stages = new ArrayList<>();
    for (int i = 0; i < defs.size(); i++) {
      StageDef d = defs.get(i);
      List<StageDef.Ref> out =
          i + 1 < defs.size()
              ? List.of(new StageDef.Ref(defs.get(i + 1).name(), Location.UNKNOWN))
              : List.of();
      StageDef withOut =
          new StageDef(
              d.name(), d.action(), d.props(), out, d.location(), d.nameLocation(), d.location());
      linked.add(withOut);
      List<String> inputs = i == 0 ? List.of() : List.of(defs.get(i - 1).name());
      stages.add(new ResolvedStage(withOut, factories.get(i), options.get(i), 0, inputs));
    }
    ResolvedStage errors =
        new ResolvedStage(
            def("errors", "Bench Errors"),
            new BenchErrorsPublisherFactory(),
            new BenchErrorsPublisherFactory.Options(),
            0,
            List.of());
    FlowDef flow =
        new FlowDef(
            name,
            null,
            linked,
            new Node.MapNode(Map.of(), Map.of(), Location.UNKNOWN),
            "<bench>",
            Location.UNKNOWN);
    return new ValidatedFlow(flow, settings, stages, errors, List.of());
  }

  private static StageDef def(String stageName, String action) {
    return new StageDef(
        stageName,
        action,
        new Node.MapNode(Map.of(), Map.of(), Location.UNKNOWN),
        List.of(),
        Location.UNKNOWN,
        Location.UNKNOWN,
        Location.UNKNOWN);
  }
}

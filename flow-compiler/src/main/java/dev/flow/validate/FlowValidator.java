package dev.flow.validate;

import dev.flow.model.FlowDef;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.model.StageDef;
import dev.flow.parse.FlowParser;
import dev.flow.parse.ParseResult;
import dev.flow.parse.ProblemOrder;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.StageKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a parsed flow completely: actions, props, settings, the error stage and the graph
 * rules. Every problem is collected; when there are no errors the stages come out resolved and in
 * topological order.
 */
public final class FlowValidator {

  private final ActionRegistry registry;

  public FlowValidator(ActionRegistry registry) {
    this.registry = registry;
  }

  /** Parses and validates the file at {@code path}. */
  public ValidatedFlow validate(Path path, FlowParser parser) {
    return validate(parser.parse(path));
  }

  /** Validates a parse result, keeping its problems. */
  public ValidatedFlow validate(ParseResult parsed) {
    return validate(parsed.flow(), parsed.problems());
  }

  /** Validates a flow that parsed without problems. */
  public ValidatedFlow validate(FlowDef def) {
    return validate(def, List.of());
  }

  private ValidatedFlow validate(FlowDef def, List<Problem> earlier) {
    List<Problem> problems = new ArrayList<>(earlier);
    if (def == null) {
      problems.sort(ProblemOrder.BY_POSITION);
      return new ValidatedFlow(null, FlowSettings.defaults(), List.of(), null, problems);
    }
    Node.MapNode settingsNode = def.settings() != null ? def.settings() : empty(def.location());
    FlowSettings settings =
        new OptionsBinder("setting", null, null, problems).bind(FlowSettings.class, settingsNode);
    FlowSettings effective = settings != null ? settings : FlowSettings.defaults();
    // The rules beyond types are checked on what did bind, so that they come in the same run as
    // the type errors of other settings.
    FlowSettings checkable =
        settings != null
            ? settings
            : new OptionsBinder("setting", null, null, new ArrayList<>())
                .bindSalvaged(FlowSettings.class, settingsNode);
    if (checkable != null) {
      checkSettings(
          checkable,
          new StageValidationContext(
              settingsNode, def.location(), null, null, checkable, problems));
    }
    StageBinder binder = new StageBinder(effective);
    ResolvedStage errorStage = errorStage(def, settingsNode, effective, binder, problems);
    ResolvedStage runStage = runStage(def, settingsNode, effective, binder, problems);

    List<StageDef> stages = def.stages();
    int n = stages.size();
    StageBinder.Bound[] bound = new StageBinder.Bound[n];
    StageKind[] kinds = new StageKind[n];
    String[] actions = new String[n];
    for (int i = 0; i < n; i++) {
      StageDef s = stages.get(i);
      if (s.action() == null) {
        continue;
      }
      ActionRegistry.Resolution r = registry.resolve(s.action());
      if (!r.ok()) {
        problems.add(Problem.error(s.actionLocation(), s.name(), r.error()).withHint(r.hint()));
        continue;
      }
      kinds[i] = r.factory().kind();
      actions[i] = r.factory().name();
      bound[i] =
          binder.bind(
              r.factory(),
              s.props(),
              s.location(),
              s.name(),
              "prop",
              s.out().stream().map(o -> o.name()).toList(),
              problems);
    }
    if (n == 0 && problems.stream().noneMatch(p -> p.location().equals(def.location()))) {
      problems.add(
          Problem.error(def.location(), null, "the flow has no stages")
              .withHint("add a trigger stage and the stages it feeds"));
    }
    StageGraph graph = new StageGraph(stages, kinds, actions, problems);
    graph.check(def.location(), triggerNames());
    problems.sort(ProblemOrder.BY_POSITION);
    if (problems.stream().anyMatch(Problem::isError)) {
      return new ValidatedFlow(def, effective, List.of(), null, problems);
    }
    List<ResolvedStage> ordered = new ArrayList<>(n);
    for (int i : graph.order()) {
      StageBinder.Bound b = bound[i];
      ordered.add(
          new ResolvedStage(
              stages.get(i),
              b.factory(),
              b.options(),
              b.parallelism(),
              graph.inputs(i),
              b.expectedInput(),
              b.retry()));
    }
    return new ValidatedFlow(def, effective, ordered, errorStage, problems, runStage);
  }

  private ResolvedStage errorStage(
      FlowDef def,
      Node.MapNode settingsNode,
      FlowSettings settings,
      StageBinder binder,
      List<Problem> problems) {
    Node.MapNode errorsNode = settingsNode.get("errors") instanceof Node.MapNode m ? m : null;
    if (errorsNode != null
        && errorsNode.get("action") != null
        && !(errorsNode.get("action") instanceof Node.ScalarNode)) {
      return null; // its type error is reported with the settings
    }
    // Salvaged: the error stage's publisher is checked even when another errors setting is wrong.
    FlowSettings.Errors errors =
        errorsNode == null
            ? settings.errors()
            : new OptionsBinder("setting", null, null, new ArrayList<>())
                .bindSalvaged(FlowSettings.Errors.class, errorsNode);
    if (errors == null) {
      return null;
    }
    return settingsPublisher(
        def,
        errorsNode,
        "errors",
        "error stage",
        errors.action(),
        errors.props(),
        binder,
        problems);
  }

  /** The publisher of run outcomes, when {@code settings.runs.action} names one. */
  private ResolvedStage runStage(
      FlowDef def,
      Node.MapNode settingsNode,
      FlowSettings settings,
      StageBinder binder,
      List<Problem> problems) {
    // Read from the node itself, so that the publisher is checked even when another runs setting
    // has a mistake.
    Node.MapNode runsNode = settingsNode.get("runs") instanceof Node.MapNode m ? m : null;
    String action =
        runsNode != null && runsNode.get("action") instanceof Node.ScalarNode a
            ? a.text()
            : settings.runs() != null ? settings.runs().action() : null;
    if (action == null) {
      return null;
    }
    Node.MapNode props =
        runsNode != null && runsNode.get("props") instanceof Node.MapNode p ? p : null;
    return settingsPublisher(def, runsNode, "runs", "runs stage", action, props, binder, problems);
  }

  /** A publisher configured in {@code settings.<key>}: the error stage or the runs stage. */
  private ResolvedStage settingsPublisher(
      FlowDef def,
      Node.MapNode node,
      String key,
      String label,
      String action,
      Node.MapNode propsNode,
      StageBinder binder,
      List<Problem> problems) {
    Node actionNode = node != null ? node.get("action") : null;
    Location at = actionNode != null ? actionNode.location() : def.location();
    ActionRegistry.Resolution r = registry.resolve(action);
    if (!r.ok()) {
      Problem p =
          actionNode != null
              ? Problem.error(at, null, "settings." + key + ".action: " + r.error())
                  .withHint(r.hint())
              : Problem.error(
                      at,
                      null,
                      "the default " + label + " action '" + action + "' is not available")
                  .withHint("set settings." + key + ".action to a publisher");
      problems.add(p);
      return null;
    }
    ActionFactory<? extends Record> f = r.factory();
    if (f.kind() != StageKind.PUBLISHER) {
      problems.add(
          Problem.error(
              at,
              null,
              "the "
                  + label
                  + " must be a publisher, and '"
                  + f.name()
                  + "' is a "
                  + f.kind().label()));
      return null;
    }
    Node.MapNode props =
        propsNode != null ? propsNode : empty(node != null ? node.location() : def.location());
    String prefix = key.equals("errors") ? "Error Records - " : "Run Records - ";
    StageBinder.Bound b = binder.bind(f, props, at, null, label + " prop", problems);
    if (b == null) {
      return null;
    }
    if (b.expectedInput() != null) {
      Location propAt =
          props.get("expectedInput") != null ? props.keyLocation("expectedInput") : at;
      problems.add(
          Problem.error(propAt, null, "the " + label + " takes no 'expectedInput'")
              .withHint(
                  (key.equals("errors") ? "error" : "run")
                      + " records have a fixed shape;"
                      + " remove the prop"));
      return null;
    }
    StageDef stage = new StageDef(prefix + f.name(), action, props, List.of(), at, at, at);
    return new ResolvedStage(stage, f, b.options(), b.parallelism(), List.of());
  }

  /** Rules on settings beyond their types and limits. */
  private static void checkSettings(FlowSettings s, StageValidationContext ctx) {
    if (s.maxParallelism() < Math.max(1, s.parallelism())) {
      ctx.error(
          "maxParallelism",
          "setting 'maxParallelism' must be at least 'parallelism' ("
              + s.parallelism()
              + "), found "
              + s.maxParallelism());
    }
    // the limits of the Flink APIs these settings feed (CheckpointConfig, the restart strategies)
    FlowSettings.Checkpointing cp = s.checkpointing();
    if (cp != null && cp.enabled() != FlowSettings.Toggle.OFF) {
      atLeast(
          ctx,
          "checkpointing.interval",
          cp.interval(),
          10,
          " (the shortest checkpoint interval Flink takes)");
      atLeast(
          ctx,
          "checkpointing.timeout",
          cp.timeout(),
          10,
          " (the shortest checkpoint timeout Flink takes)");
    }
    FlowSettings.Restart r = s.restart();
    if (r != null && r.strategy() == FlowSettings.Restart.Strategy.EXPONENTIAL_DELAY) {
      boolean initialOk = atLeast(ctx, "restart.initialDelay", r.initialDelay(), 1, "");
      if (atLeast(ctx, "restart.maxDelay", r.maxDelay(), 1, "")
          && initialOk
          && r.maxDelay() != null
          && r.initialDelay() != null
          && r.maxDelay().compareTo(r.initialDelay()) < 0) {
        ctx.error(
            "restart.maxDelay",
            "setting 'restart.maxDelay' must be at least 'restart.initialDelay' ("
                + Scalars.format(r.initialDelay())
                + "), found "
                + Scalars.format(r.maxDelay()));
      }
      if (!(r.multiplier() > 1)) {
        ctx.error(
            "restart.multiplier",
            "setting 'restart.multiplier' must be more than 1, found " + r.multiplier());
      }
      atLeast(ctx, "restart.resetAfter", r.resetAfter(), 1, "");
    }
    if (r != null && r.strategy() == FlowSettings.Restart.Strategy.FAILURE_RATE) {
      atLeast(ctx, "restart.failureInterval", r.failureInterval(), 1, "");
    }
    FlowSettings.Errors e = s.errors();
    if (e != null) {
      if (e.maxRate() != null && !(e.maxRate() > 0 && e.maxRate() < 1e12)) {
        ctx.error("errors.maxRate", "setting 'errors.maxRate' must be more than 0 (per second)");
      }
    }
  }

  /** Reports the setting unless {@code d} is at least {@code min} milliseconds; true when it is. */
  private static boolean atLeast(
      StageValidationContext ctx, String setting, java.time.Duration d, long min, String why) {
    if (d == null || d.toMillis() >= min) {
      return true;
    }
    ctx.error(
        setting,
        "setting '"
            + setting
            + "' must be at least "
            + min
            + "ms"
            + why
            + ", found "
            + Scalars.format(d));
    return false;
  }

  private List<String> triggerNames() {
    return registry.all().stream()
        .filter(f -> f.kind() == StageKind.TRIGGER)
        .map(ActionFactory::name)
        .sorted()
        .toList();
  }

  private static Node.MapNode empty(Location at) {
    return new Node.MapNode(Map.of(), Map.of(), at);
  }
}

package dev.flow.translate;

import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageKind;
import dev.flow.spi.TriggerFactory;
import dev.flow.translate.runs.RunRecorder;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.PrintSink;

/**
 * Translates a validated flow into a Flink job graph by walking its stages and handing each to the
 * {@link Translators}: the trigger translator makes each trigger a source, the transform translator
 * each transform one or more operators, the publisher translator each publisher a sink. Edges
 * follow {@code out}, a stage with several inputs reads their union, and every branch of a fan-out
 * gets its own copy of each record so that object reuse stays safe. Failed records from every stage
 * go to the flow's error stage.
 *
 * <p>A run of record stages that chain one after the other (each a {@link RecordTransformFactory}
 * whose only output is the next one's only input, at the same parallelism) becomes one operator
 * that runs every stage of the run in turn, each under its own name (see {@link StageFunction},
 * {@link RunLink}). The run gives the error stage one input instead of one per stage: Flink's
 * stream graph collects the predecessors of every input of a union, so one input per stage of a
 * chain of n stages made it walk about n²/2 transformations. A run right after a trigger also does
 * the trigger's check of its records ({@link TriggerCheck}) when no run recorder reads them, so
 * that a flow such as trigger, remap, filter, publisher gives the error stage one input only, and
 * Flink chains the whole flow, error stage too, into one task. This applies when the transforms are
 * the standard ones and nothing watches them ({@link Translators#buildsRuns}); the stages whose
 * records go on into a run (a trigger, the stages of a run but the last) are then left out of
 * {@link CompiledFlow#outputs}.
 */
public final class FlowTranslator {
  private FlowTranslator() {}

  /** Builds the job graph of {@code flow} in {@code env}. */
  public static CompiledFlow translate(ValidatedFlow flow, StreamExecutionEnvironment env)
      throws Exception {
    return translate(flow, env, Translators.standard());
  }

  /**
   * Builds the job graph with {@code translators}, which tools decorate to swap or watch stages.
   */
  public static CompiledFlow translate(
      ValidatedFlow flow, StreamExecutionEnvironment env, Translators translators)
      throws Exception {
    if (flow.hasErrors()) {
      throw new IllegalArgumentException("cannot translate a flow with validation errors");
    }
    String flowName = flow.def().name();
    FlowSettings settings = flow.settings();
    boolean bounded = isBounded(flow);
    EnvironmentConfigurer.configure(env, settings, bounded);

    List<DataStream<FlowRecord>> errors = new ArrayList<>();
    Map<String, DataStream<FlowRecord>> outputs = new LinkedHashMap<>();
    // The stream each edge (from -> to) carries, after the fan-out copy where needed.
    Map<String, Map<String, DataStream<FlowRecord>>> edges = new HashMap<>();
    RunRecorder runs =
        flow.runStage() == null ? null : new RunRecorder(flowName, settings.runs().idle());
    Map<String, ResolvedStage> byName = new HashMap<>();
    for (ResolvedStage s : flow.stages()) {
      byName.put(s.name(), s);
    }
    // Stages whose run goes on in the next stage, with that run.
    Map<String, DefaultStageContext.Run> stageRuns = new HashMap<>();
    Set<String> runsOn = stageRuns.keySet();
    Map<String, DefaultStageContext> contexts = new HashMap<>();

    for (ResolvedStage stage : flow.stages()) {
      DataStream<FlowRecord> output = null;
      DataStream<FlowRecord> input = null;
      DefaultStageContext ctx;
      if (stage.kind() == StageKind.TRIGGER) {
        DefaultTriggerContext trigger =
            new DefaultTriggerContext(flowName, stage, env, settings, bounded, errors);
        ctx = trigger;
        if (translators.buildsRuns() && runs == null) {
          // The run after the trigger checks its records; the run recorder needs checked ones.
          trigger.runParallelism = RunLink.startsRun(stage, byName, settings);
        }
        output = translators.translateTrigger(stage, trigger);
        if (trigger.run != null) {
          stageRuns.put(stage.name(), trigger.run);
        }
        if (runs != null) {
          runs.started(stage.name(), output);
        }
      } else {
        ctx = new DefaultStageContext(flowName, stage, env, settings, bounded, errors);
        input = translators.translateInput(stage, inputOf(stage, edges), ctx);
        if (stage.kind() == StageKind.TRANSFORM) {
          RunLink link =
              translators.buildsRuns() ? RunLink.of(stage, byName, settings, runsOn) : RunLink.NONE;
          if (link.any()) {
            ctx.run =
                link.in() ? stageRuns.get(stage.inputs().get(0)) : new DefaultStageContext.Run();
          }
          output = translators.translateTransform(stage, input, ctx, link);
          if (link.out()) {
            stageRuns.put(stage.name(), ctx.run);
          }
        } else {
          if (runs != null) {
            runs.published(stage.name(), input);
          }
          DefaultStageContext from =
              translators.buildsRuns() && stage.inputs().size() == 1
                  ? contexts.get(stage.inputs().get(0))
                  : null;
          translators.translatePublisher(stage, input, ctx, from);
        }
      }
      contexts.put(stage.name(), ctx);
      translators.listener().onStage(stage, input, output, ctx);
      if (output != null) {
        if (!runsOn.contains(stage.name())) {
          outputs.put(stage.name(), output);
        }
        edges.put(stage.name(), fanOut(stage, output, ctx));
      }
    }

    DataStream<FlowRecord> allErrors = addErrorStage(flow, env, bounded, errors, translators);
    if (runs != null) {
      if (allErrors != null) {
        runs.failed(allErrors);
      }
      DataStream<FlowRecord> outcomes = runs.outcomes(settings.parallelism(), bounded);
      if (outcomes != null) {
        publishWithFallback(
            flow, "runs", flow.runStage(), outcomes, env, bounded, translators.runStage());
      }
    }
    return new CompiledFlow(flow, env, bounded, outputs);
  }

  /** True when every trigger of the flow ends by itself. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static boolean isBounded(ValidatedFlow flow) {
    for (ResolvedStage s : flow.stages()) {
      if (s.kind() == StageKind.TRIGGER && !((TriggerFactory) s.factory()).isBounded(s.options())) {
        return false;
      }
    }
    return true;
  }

  private static DataStream<FlowRecord> inputOf(
      ResolvedStage stage, Map<String, Map<String, DataStream<FlowRecord>>> edges) {
    DataStream<FlowRecord> input = null;
    List<DataStream<FlowRecord>> rest = new ArrayList<>();
    for (String from : stage.inputs()) {
      DataStream<FlowRecord> s = edges.get(from).get(stage.name());
      if (input == null) {
        input = s;
      } else {
        rest.add(s);
      }
    }
    if (!rest.isEmpty()) {
      input = input.union(rest.toArray(new DataStream[0]));
    }
    return input;
  }

  /**
   * One stream per outgoing edge. With object reuse on, chained branches see the same object, so
   * every branch of a fan-out reads its own copy; the copy shares the unchanged payload bytes. A
   * target the stage gave a branch of its own (e.g. late records) reads that branch instead.
   */
  private static Map<String, DataStream<FlowRecord>> fanOut(
      ResolvedStage stage, DataStream<FlowRecord> output, DefaultStageContext ctx) {
    Map<String, DataStream<FlowRecord>> byTarget = new LinkedHashMap<>();
    List<String> targets = stage.def().out().stream().map(r -> r.name()).distinct().toList();
    for (String target : targets) {
      DataStream<FlowRecord> branch = ctx.branches.get(target);
      if (branch != null) {
        byTarget.put(target, branch);
      } else if (targets.size() - ctx.branches.size() == 1) {
        byTarget.put(target, output);
      } else {
        byTarget.put(
            target,
            output
                .map(FlowRecord::copy, FlowRecordTypeInfo.INSTANCE)
                .uid(ctx.uid("to/" + target))
                .name(stage.name() + " -> " + target)
                .setParallelism(output.getParallelism()));
      }
    }
    return byTarget;
  }

  /**
   * Builds the error stage; returns the union of all error records, or null when there are none.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static DataStream<FlowRecord> addErrorStage(
      ValidatedFlow flow,
      StreamExecutionEnvironment env,
      boolean bounded,
      List<DataStream<FlowRecord>> errors,
      Translators translators)
      throws Exception {
    if (errors.isEmpty()) {
      return null;
    }
    DataStream<FlowRecord> all = errors.get(0);
    if (errors.size() > 1) {
      all = all.union(errors.subList(1, errors.size()).toArray(new DataStream[0]));
    }
    FlowSettings.Errors budget = flow.settings().errors();
    if (budget != null && budget.hasBudget()) {
      all =
          all.process(new ErrorBudgetFunction(budget), FlowRecordTypeInfo.INSTANCE)
              .uid("flow-settings/errors/budget")
              .name("errors (budget)")
              .setParallelism(1);
    }
    ResolvedStage stage = logErrorsToStderr(flow.errorStage(), budget);
    publishWithFallback(flow, "errors", stage, all, env, bounded, translators.errorStage());
    return all;
  }

  /**
   * The error stage, printing to stderr when it is {@code Log} with no {@code stream} of its own,
   * so that error records do not mix with the records a {@code Log} stage of the flow prints.
   */
  private static ResolvedStage logErrorsToStderr(ResolvedStage stage, FlowSettings.Errors errors) {
    if (stage == null
        || !(stage.options() instanceof dev.flow.actions.log.LogOptions o)
        || (errors != null && errors.props() != null && errors.props().get("stream") != null)) {
      return stage;
    }
    return new ResolvedStage(
        stage.def(),
        stage.factory(),
        new dev.flow.actions.log.LogOptions(
            dev.flow.actions.log.LogOptions.Stream.STDERR, o.format()),
        stage.parallelism(),
        stage.inputs(),
        stage.expectedInput());
  }

  /**
   * Publishes through a stage of the settings (the error or the runs stage); the records that stage
   * itself fails on are printed to stderr rather than lost. Its operators' uids come from {@link
   * StageUids#ofSetting}, so they stay the same from one version of the flow to the next and never
   * meet a uid of the flow's own stages.
   */
  private static void publishWithFallback(
      ValidatedFlow flow,
      String key,
      ResolvedStage stage,
      DataStream<FlowRecord> records,
      StreamExecutionEnvironment env,
      boolean bounded,
      PublisherTranslator publisher)
      throws Exception {
    List<DataStream<FlowRecord>> failed = new ArrayList<>();
    DefaultStageContext ctx =
        new DefaultStageContext(
            flow.def().name(),
            stage,
            env,
            flow.settings(),
            bounded,
            failed,
            StageUids.ofSetting(key, stage.factory().name()));
    publisher.translate(stage, records, ctx);
    for (int i = 0; i < failed.size(); i++) {
      failed
          .get(i)
          .sinkTo(new PrintSink<>("flow " + stage.name() + " failed", true))
          .uid(ctx.uid("fallback/" + i))
          .name(stage.name() + " (fallback)");
    }
  }
}

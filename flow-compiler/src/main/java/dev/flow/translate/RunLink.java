package dev.flow.translate;

import dev.flow.spi.FlowSettings;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageKind;
import dev.flow.validate.ResolvedStage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where a stage stands in a run of chained record stages (see {@link FlowTranslator}): it goes on
 * from the run of the stage before ({@code in}), and the run goes on in the next stage ({@code
 * out}). The run becomes one operator, built by its last stage, whose error output carries the
 * error records of every stage of the run. Given to {@link DefaultStageContext#process} by the
 * translator that builds the stage's record operator.
 */
record RunLink(boolean in, boolean out) {
  static final RunLink NONE = new RunLink(false, false);

  boolean any() {
    return in || out;
  }

  /**
   * The link of {@code stage} to a run in a job whose transforms are built by their factories and
   * watched by nothing ({@link Translators#buildsRuns}); {@code runsOn} names the stages before
   * whose run goes on in the stage after them.
   */
  static RunLink of(
      ResolvedStage stage,
      Map<String, ResolvedStage> byName,
      FlowSettings settings,
      Set<String> runsOn) {
    if (!joinsRuns(stage)) {
      return NONE;
    }
    boolean in = stage.inputs().size() == 1 && runsOn.contains(stage.inputs().get(0));
    boolean out = goesOn(stage, byName, settings);
    return in || out ? new RunLink(in, out) : NONE;
  }

  /**
   * True when {@code stage} can be in a run: a one-record-at-a-time transform built by {@link
   * RecordTransformFactory#apply} as it is (so its output is its record operator's), with no
   * expected-input check.
   */
  private static boolean joinsRuns(ResolvedStage stage) {
    if (stage.kind() != StageKind.TRANSFORM
        || stage.expectedInput() != null
        || !(stage.factory() instanceof RecordTransformFactory<?> f)) {
      return false;
    }
    try {
      return f.getClass()
              .getMethod("apply", DataStream.class, Record.class, dev.flow.spi.StageContext.class)
              .getDeclaringClass()
          == RecordTransformFactory.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** True when {@code stage}'s run goes on in the next stage (see {@link #startsRun}). */
  private static boolean goesOn(
      ResolvedStage stage, Map<String, ResolvedStage> byName, FlowSettings settings) {
    return startsRun(stage, byName, settings) > 0;
  }

  /**
   * The parallelism of the run that {@code stage}'s records go into, or 0 when they go into none:
   * the next stage is {@link #joinsRuns}, the only target of this one, this one is its only input,
   * and they run at the same parallelism, so Flink chains them. For a trigger (see {@link
   * DefaultTriggerContext#runParallelism}), that run's operator can then also check the trigger's
   * records.
   */
  static int startsRun(
      ResolvedStage stage, Map<String, ResolvedStage> byName, FlowSettings settings) {
    List<String> targets = stage.def().out().stream().map(r -> r.name()).distinct().toList();
    if (targets.size() != 1) {
      return 0;
    }
    ResolvedStage next = byName.get(targets.get(0));
    boolean chains =
        next != null
            && joinsRuns(next)
            && next.inputs().size() == 1
            && next.inputs().get(0).equals(stage.name())
            && parallelism(stage, settings) == parallelism(next, settings);
    return chains ? parallelism(next, settings) : 0;
  }

  private static int parallelism(ResolvedStage stage, FlowSettings settings) {
    return stage.parallelism() > 0 ? stage.parallelism() : settings.parallelism();
  }
}

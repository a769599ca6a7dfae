package dev.flow.translate;

import dev.flow.record.NestedHint;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.validate.ResolvedStage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which nested objects the record stages after a trigger edit, as their {@link FieldEffects} say:
 * the trigger's output check indexes those objects while it validates the payload, so the first
 * edit of {@code user.id} does not scan {@code user} again.
 */
final class NestedHints {
  private NestedHints() {}

  /**
   * The hint for {@code trigger}: the paths every record transform reachable from it through record
   * transforms declares; null when none is nested.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static NestedHint after(ResolvedStage trigger, List<ResolvedStage> stages) {
    List<String> paths = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String> next = new ArrayDeque<>(List.of(trigger.name()));
    while (!next.isEmpty()) {
      String from = next.pop();
      for (ResolvedStage s : stages) {
        if (!s.inputs().contains(from)
            || !(s.factory() instanceof RecordTransformFactory)
            || !seen.add(s.name())) {
          continue;
        }
        FieldEffects effects;
        try {
          effects = ((ActionFactory) s.factory()).fields(s.options());
        } catch (RuntimeException e) {
          continue; // a hint only: an action that cannot say is left out
        }
        for (FieldEffects.Step step : effects.steps()) {
          paths(step, paths);
        }
        next.push(s.name());
      }
    }
    return NestedHint.of(paths);
  }

  private static void paths(FieldEffects.Step step, List<String> into) {
    if (step instanceof FieldEffects.Set set) {
      into.add(set.path());
    } else if (step instanceof FieldEffects.Changed c) {
      into.add(c.path());
    } else if (step instanceof FieldEffects.Remove r) {
      into.add(r.path());
    } else if (step instanceof FieldEffects.Keep k) {
      into.addAll(k.paths());
    } else if (step instanceof FieldEffects.Rename r) {
      into.addAll(r.moves().keySet());
      into.addAll(r.moves().values());
    }
  }
}

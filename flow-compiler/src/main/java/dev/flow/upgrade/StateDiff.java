package dev.flow.upgrade;

import dev.flow.model.Location;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.StageState;
import dev.flow.upgrade.StateChange.Level;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two valid versions of a flow and lists what each change does to a savepoint of the old
 * one: which stages' state the new flow cannot restore, and which changes are harmless. Which
 * stages keep state, and which options shape it, comes from each action's {@link
 * ActionFactory#state}.
 */
public final class StateDiff {
  static final String CANNOT_REUSE = "the savepoint's state for this stage cannot be reused";

  private final ValidatedFlow before;
  private final ValidatedFlow after;
  private final List<StateChange> changes = new ArrayList<>();

  private StateDiff(ValidatedFlow before, ValidatedFlow after) {
    this.before = before;
    this.after = after;
  }

  /** The changes from {@code before} to {@code after}, both valid, in the new flow's order. */
  public static List<StateChange> between(ValidatedFlow before, ValidatedFlow after) {
    StateDiff d = new StateDiff(before, after);
    d.compare();
    return List.copyOf(d.changes);
  }

  /** The state a resolved stage keeps, from its action. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Optional<StageState> stateOf(ResolvedStage s) {
    return ((ActionFactory) s.factory()).state(s.options());
  }

  private void compare() {
    Set<String> renamedFrom = new HashSet<>();
    Map<String, ResolvedStage> renamedTo = new HashMap<>();
    for (ResolvedStage old : stagesInFileOrder(before)) {
      if (after.stage(old.name()) == null && stateOf(old).isPresent()) {
        ResolvedStage to = renameCandidate(old, renamedTo.keySet());
        if (to != null) {
          renamedFrom.add(old.name());
          renamedTo.put(to.name(), old);
        }
      }
    }
    maxParallelism();
    for (ResolvedStage now : stagesInFileOrder(after)) {
      ResolvedStage old = before.stage(now.name());
      if (old != null) {
        changed(old, now);
      } else if (renamedTo.containsKey(now.name())) {
        ResolvedStage from = renamedTo.get(now.name());
        add(
            Level.ERROR,
            now,
            "renamed from \""
                + from.name()
                + "\"? The savepoint's state of \""
                + from.name()
                + "\" ("
                + stateOf(from).orElseThrow().what()
                + ") would be dropped, and this stage would start empty",
            "keep the name \"" + from.name() + "\" to keep the state");
      } else if (stateOf(now).isPresent()) {
        add(Level.INFO, now, "new stateful stage; it starts with empty state", null);
      } else {
        add(Level.INFO, now, "stateless stage added", null);
      }
    }
    for (ResolvedStage old : stagesInFileOrder(before)) {
      if (after.stage(old.name()) != null || renamedFrom.contains(old.name())) {
        continue;
      }
      Optional<StageState> state = stateOf(old);
      if (state.isPresent()) {
        add(
            Level.ERROR,
            old,
            "stateful stage removed; the savepoint's state for this stage ("
                + state.get().what()
                + ") would be dropped",
            "restoring then needs --allowNonRestoredState");
      } else {
        add(Level.INFO, old, "stateless stage removed", null);
      }
    }
  }

  private void changed(ResolvedStage old, ResolvedStage now) {
    Optional<StageState> was = stateOf(old);
    Optional<StageState> is = stateOf(now);
    if (!old.factory().name().equals(now.factory().name())) {
      String what = "action changed from " + old.factory().name() + " to " + now.factory().name();
      if (was.isPresent()) {
        add(Level.ERROR, now, what + "; " + CANNOT_REUSE, null);
      } else {
        add(Level.INFO, now, what + (is.isPresent() ? "; it starts with empty state" : ""), null);
      }
      return;
    }
    if (was.isEmpty() || is.isEmpty()) {
      return;
    }
    StageState a = was.get();
    StageState b = is.get();
    for (String option : union(a.shape().keySet(), b.shape().keySet())) {
      String from = a.shape().getOrDefault(option, "unset");
      String to = b.shape().getOrDefault(option, "unset");
      if (!from.equals(to)) {
        add(
            Level.ERROR,
            now,
            option + " changed from " + from + " to " + to + "; " + CANNOT_REUSE,
            null);
      }
    }
    if (!a.uidSuffixes().equals(b.uidSuffixes())) {
      add(Level.ERROR, now, "its state is held by other operators now; " + CANNOT_REUSE, null);
    }
    for (String option : union(a.settings().keySet(), b.settings().keySet())) {
      String from = a.settings().getOrDefault(option, "unset");
      String to = b.settings().getOrDefault(option, "unset");
      if (!from.equals(to)) {
        add(
            Level.WARNING,
            now,
            option + " changed from " + from + " to " + to + "; the state is kept and used with it",
            null);
      }
    }
    int maxParallelism = before.settings().maxParallelism();
    int p = parallelism(after, now);
    if (p > maxParallelism) {
      add(
          Level.ERROR,
          now,
          "parallelism "
              + p
              + " is above the savepoint's max parallelism "
              + maxParallelism
              + "; "
              + CANNOT_REUSE,
          null);
    }
  }

  private void maxParallelism() {
    int from = before.settings().maxParallelism();
    int to = after.settings().maxParallelism();
    if (from == to) {
      return;
    }
    List<String> kept = new ArrayList<>();
    for (ResolvedStage s : stagesInFileOrder(after)) {
      ResolvedStage old = before.stage(s.name());
      if (old != null && stateOf(old).isPresent() && stateOf(s).isPresent()) {
        kept.add('"' + s.name() + '"');
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    Location at =
        after.def().settings().entries().containsKey("maxParallelism")
            ? after.def().settings().keyLocation("maxParallelism")
            : after.def().location();
    changes.add(
        new StateChange(
            Level.ERROR,
            at,
            null,
            null,
            "settings.maxParallelism changed from "
                + from
                + " to "
                + to
                + "; the savepoint's state of the stateful stages "
                + String.join(", ", kept)
                + " cannot be restored",
            null));
  }

  private ResolvedStage renameCandidate(ResolvedStage old, Set<String> taken) {
    ResolvedStage sameAction = null;
    for (ResolvedStage s : stagesInFileOrder(after)) {
      if (before.stage(s.name()) != null
          || taken.contains(s.name())
          || !s.factory().name().equals(old.factory().name())) {
        continue;
      }
      if (Objects.equals(stateOf(s), stateOf(old))) {
        return s;
      }
      if (sameAction == null) {
        sameAction = s;
      }
    }
    return sameAction;
  }

  private static int parallelism(ValidatedFlow flow, ResolvedStage s) {
    return s.parallelism() > 0 ? s.parallelism() : flow.settings().parallelism();
  }

  private static List<ResolvedStage> stagesInFileOrder(ValidatedFlow flow) {
    List<ResolvedStage> ordered = new ArrayList<>();
    for (var def : flow.def().stages()) {
      ResolvedStage s = flow.stage(def.name());
      if (s != null) {
        ordered.add(s);
      }
    }
    return ordered;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private void add(Level level, ResolvedStage s, String message, String hint) {
    changes.add(
        new StateChange(level, s.def().location(), s.name(), s.factory().name(), message, hint));
  }
}

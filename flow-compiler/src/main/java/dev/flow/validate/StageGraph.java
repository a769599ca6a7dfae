package dev.flow.validate;

import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.model.StageDef;
import dev.flow.parse.Suggestions;
import dev.flow.spi.StageKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The stages as a graph, with the structural rules: unique names, known {@code out} targets, no
 * cycle, a trigger, inputs for every non-trigger, reachability and dead ends. Every check is linear
 * in the number of stages and edges, except the topological order (n log n).
 */
final class StageGraph {

  private final List<StageDef> stages;
  private final StageKind[] kinds;
  private final String[] actions;
  private final List<Problem> problems;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<List<Integer>> succ = new ArrayList<>();
  private final List<List<Integer>> pred = new ArrayList<>();
  private final boolean[] inCycle;
  private final boolean[] duplicate;
  private int[] order = new int[0];

  /**
   * @param kinds each stage's kind, null when its action did not resolve
   * @param actions each stage's action display name, null when unresolved
   */
  StageGraph(List<StageDef> stages, StageKind[] kinds, String[] actions, List<Problem> problems) {
    this.stages = stages;
    this.kinds = kinds;
    this.actions = actions;
    this.problems = problems;
    this.inCycle = new boolean[stages.size()];
    this.duplicate = new boolean[stages.size()];
  }

  /** Runs every structural check; {@code triggers} names the known trigger actions for hints. */
  void check(Location flowLocation, List<String> triggers) {
    names();
    edges();
    sort();
    boolean resolved = Arrays.stream(kinds).allMatch(k -> k != null);
    boolean anyTrigger = Arrays.stream(kinds).anyMatch(k -> k == StageKind.TRIGGER);
    if (!stages.isEmpty() && resolved && !anyTrigger) {
      problems.add(
          Problem.error(flowLocation, null, "the flow has no trigger, so nothing starts a run")
              .withHint(
                  "add a stage whose action is a trigger, e.g. " + String.join(", ", triggers)));
    }
    inputsAndReach();
  }

  /** Stage indices in topological order: source order among stages that are ready. */
  int[] order() {
    return order;
  }

  /** The names of the stages whose {@code out} lists stage {@code i}, in source order. */
  List<String> inputs(int i) {
    return pred.get(i).stream().map(p -> stages.get(p).name()).toList();
  }

  private void names() {
    for (int i = 0; i < stages.size(); i++) {
      StageDef s = stages.get(i);
      succ.add(new ArrayList<>());
      pred.add(new ArrayList<>());
      Integer first = index.putIfAbsent(s.name(), i);
      if (first != null) {
        duplicate[i] = true;
        problems.add(
            at(
                i,
                s.nameLocation(),
                "another stage on line "
                    + stages.get(first).nameLocation().line()
                    + " has the same name; stage names must be unique"));
      }
    }
  }

  private void edges() {
    for (int i = 0; i < stages.size(); i++) {
      StageDef s = stages.get(i);
      Set<Integer> seen = new LinkedHashSet<>();
      if (kinds[i] == StageKind.PUBLISHER && !s.out().isEmpty()) {
        problems.add(
            at(i, s.out().get(0).location(), "a publisher has no output, so it cannot have 'out'")
                .withHint("remove 'out', or send the records on from a transform"));
      }
      for (StageDef.Ref ref : s.out()) {
        Integer t = index.get(ref.name());
        if (t == null) {
          String d = Suggestions.closest(ref.name(), index.keySet());
          problems.add(
              at(i, ref.location(), "'out' names an unknown stage \"" + ref.name() + "\"")
                  .withHint(d != null ? "did you mean \"" + d + "\"?" : stageList()));
        } else if (!seen.add(t)) {
          problems.add(
              warn(i, ref.location(), "'out' lists \"" + ref.name() + "\" more than once"));
        } else if (kinds[t] == StageKind.TRIGGER) {
          problems.add(
              at(
                  i,
                  ref.location(),
                  "'out' names \""
                      + ref.name()
                      + "\", which is a trigger; a trigger takes no input"));
        } else {
          succ.get(i).add(t);
          pred.get(t).add(i);
        }
      }
    }
  }

  private String stageList() {
    if (index.size() > 20) {
      return null;
    }
    return "stages: " + String.join(", ", stages.stream().map(StageDef::name).distinct().toList());
  }

  /** Kahn's algorithm; stages left over are on or behind a cycle. */
  private void sort() {
    int n = stages.size();
    int[] indeg = new int[n];
    for (int i = 0; i < n; i++) {
      indeg[i] = pred.get(i).size();
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (indeg[i] == 0) {
        ready.add(i);
      }
    }
    int[] out = new int[n];
    int k = 0;
    while (!ready.isEmpty()) {
      int i = ready.poll();
      out[k++] = i;
      for (int t : succ.get(i)) {
        if (--indeg[t] == 0) {
          ready.add(t);
        }
      }
    }
    order = Arrays.copyOf(out, k);
    if (k < n) {
      cycles(indeg);
    }
  }

  /** Reports each cycle once. */
  private void cycles(int[] indeg) {
    for (List<Integer> cycle : Cycles.find(pred, indeg)) {
      reportCycle(cycle);
    }
  }

  private void reportCycle(List<Integer> cycle) {
    int first = cycle.indexOf(cycle.stream().min(Integer::compare).orElseThrow());
    List<Integer> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
    rotated.addAll(cycle.subList(0, first));
    StringBuilder b = new StringBuilder();
    for (int i : rotated) {
      inCycle[i] = true;
      b.append('"').append(stages.get(i).name()).append("\" -> ");
    }
    int head = rotated.get(0);
    b.append('"').append(stages.get(head).name()).append('"');
    problems.add(
        at(head, stages.get(head).nameLocation(), "the stages form a cycle: " + b)
            .withHint("remove one of these 'out' entries"));
  }

  private void inputsAndReach() {
    int n = stages.size();
    boolean[] reached = new boolean[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (kinds[i] == StageKind.TRIGGER || kinds[i] == null && pred.get(i).isEmpty()) {
        reached[i] = true;
        queue.add(i);
      }
    }
    spread(reached, queue);
    boolean[] explained = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (kinds[i] != null && kinds[i] != StageKind.TRIGGER && pred.get(i).isEmpty()) {
        explained[i] = true;
        queue.add(i);
      }
    }
    spread(explained, queue);
    for (int i = 0; i < n; i++) {
      StageDef s = stages.get(i);
      if (kinds[i] == null || duplicate[i]) {
        continue;
      }
      if (kinds[i] != StageKind.TRIGGER && pred.get(i).isEmpty()) {
        problems.add(
            at(i, s.nameLocation(), "no stage sends records to this " + kinds[i].label())
                .withHint("name it in the 'out' of the stage before it"));
      } else if (!reached[i] && !inCycle[i] && !explained[i]) {
        problems.add(
            at(i, s.nameLocation(), "no trigger's records reach this stage")
                .withHint("its inputs are not fed by any trigger"));
      }
      if (kinds[i] != StageKind.PUBLISHER && s.out().isEmpty()) {
        problems.add(
            warn(
                i,
                s.nameLocation(),
                "this " + kinds[i].label() + " has no 'out', so its records go nowhere"));
      }
    }
  }

  /** Marks every stage reachable from the queued ones. */
  private void spread(boolean[] marked, ArrayDeque<Integer> queue) {
    while (!queue.isEmpty()) {
      for (int t : succ.get(queue.poll())) {
        if (!marked[t]) {
          marked[t] = true;
          queue.add(t);
        }
      }
    }
  }

  private Problem at(int i, Location where, String message) {
    return Problem.error(where, stages.get(i).name(), message).withAction(actions[i]);
  }

  private Problem warn(int i, Location where, String message) {
    return Problem.warning(where, stages.get(i).name(), message).withAction(actions[i]);
  }
}

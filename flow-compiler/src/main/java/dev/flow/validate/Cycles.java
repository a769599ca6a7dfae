package dev.flow.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Finds the cycles among the stages a topological sort left over, in linear time. */
final class Cycles {

  private Cycles() {}

  /**
   * One cycle per group of left-over stages, each in edge order.
   *
   * @param pred each stage's inputs
   * @param indeg in-degrees left after the sort; stages with a positive one were left over
   */
  static List<List<Integer>> find(List<List<Integer>> pred, int[] indeg) {
    int n = indeg.length;
    int[] walk = new int[n];
    int[] pos = new int[n];
    boolean[] done = new boolean[n];
    int walkId = 0;
    List<List<Integer>> cycles = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      if (indeg[v] == 0 || done[v]) {
        continue;
      }
      walkId++;
      List<Integer> path = new ArrayList<>();
      int u = v;
      while (!done[u] && walk[u] != walkId) {
        walk[u] = walkId;
        pos[u] = path.size();
        path.add(u);
        u = leftoverInput(pred.get(u), indeg);
      }
      if (!done[u] && walk[u] == walkId) {
        List<Integer> cycle = new ArrayList<>(path.subList(pos[u], path.size()));
        Collections.reverse(cycle);
        cycles.add(cycle);
      }
      path.forEach(p -> done[p] = true);
    }
    return cycles;
  }

  /** An input that the sort left over too; every left-over stage has one. */
  private static int leftoverInput(List<Integer> inputs, int[] indeg) {
    for (int p : inputs) {
      if (indeg[p] > 0) {
        return p;
      }
    }
    throw new IllegalStateException("a stage left over by the sort has no left-over input");
  }
}

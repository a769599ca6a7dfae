package dev.flow.factory;

import dev.flow.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders the flows of a factory so that every flow comes after the flows it depends on, keeping the
 * file's order where the edges allow; a cycle is an error that names its flows.
 */
final class FlowOrder {
  private FlowOrder() {}

  static List<Integer> order(
      List<FactoryFlow> flows, List<FactoryEdge> edges, List<Problem> problems) {
    int n = flows.size();
    int[] indegree = new int[n];
    for (FactoryEdge e : edges) {
      indegree[e.to()]++;
    }
    List<Integer> order = new ArrayList<>();
    boolean[] done = new boolean[n];
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < n; i++) {
        if (!done[i] && indegree[i] == 0) {
          done[i] = true;
          order.add(i);
          for (FactoryEdge e : edges) {
            if (e.from() == i) {
              indegree[e.to()]--;
            }
          }
          progress = true;
          break;
        }
      }
    }
    if (order.size() == n) {
      return order;
    }
    List<FactoryEdge> cycle = cycle(flows, edges, done);
    StringBuilder b = new StringBuilder();
    for (FactoryEdge e : cycle) {
      b.append("'").append(flows.get(e.from()).name()).append("' -> ");
    }
    b.append("'").append(flows.get(cycle.get(0).from()).name()).append("'");
    StringBuilder via = new StringBuilder();
    for (FactoryEdge e : cycle) {
      via.append(via.length() == 0 ? "" : ", ")
          .append(flows.get(e.from()).name())
          .append(" -> ")
          .append(flows.get(e.to()).name())
          .append(": ")
          .append(e.kind() == FactoryEdge.Kind.AFTER ? "after" : e.resource().describe());
    }
    problems.add(
        Problem.error(
                flows.get(cycle.get(0).from()).entry().location(),
                null,
                "the flows form a cycle: " + b)
            .withHint("edges: " + via + "; remove an 'after' or a shared resource"));
    return List.of();
  }

  /** One cycle among the flows not ordered, as its edges, starting at the first such flow. */
  private static List<FactoryEdge> cycle(
      List<FactoryFlow> flows, List<FactoryEdge> edges, boolean[] done) {
    int start = 0;
    while (done[start]) {
      start++;
    }
    // Walk backwards along unordered edges until a flow repeats: every unordered flow has one.
    List<FactoryEdge> walk = new ArrayList<>();
    List<Integer> visited = new ArrayList<>();
    int cur = start;
    while (!visited.contains(cur)) {
      visited.add(cur);
      for (FactoryEdge e : edges) {
        if (e.to() == cur && !done[e.from()]) {
          walk.add(e);
          cur = e.from();
          break;
        }
      }
    }
    int from = visited.indexOf(cur);
    List<FactoryEdge> loop = new ArrayList<>(walk.subList(from, walk.size()));
    java.util.Collections.reverse(loop);
    // Start at the flow that comes first in the file.
    int first = 0;
    for (int i = 1; i < loop.size(); i++) {
      if (loop.get(i).from() < loop.get(first).from()) {
        first = i;
      }
    }
    List<FactoryEdge> out = new ArrayList<>(loop.subList(first, loop.size()));
    out.addAll(loop.subList(0, first));
    return out;
  }
}

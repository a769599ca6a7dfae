package dev.flow.job.graph;

import dev.flow.model.FlowDef;
import dev.flow.model.StageDef;
import dev.flow.spi.StageKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The DAG of a flow as nodes and edges, for drawing: each stage with its action and kind, and one
 * edge per {@code out} entry that names an existing stage.
 *
 * @param name the flow's name
 * @param nodes the stages in source order
 * @param edges the edges, in source order
 */
public record FlowPicture(String name, List<Node> nodes, List<Edge> edges) {

  /** A stage; {@code kind} is null when the action is unknown. */
  public record Node(String id, String action, StageKind kind) {}

  /** An edge from one stage to another. */
  public record Edge(String from, String to) {}

  /** The graph of {@code flow}; {@code kinds} tells each action's kind, or null when unknown. */
  public static FlowPicture of(FlowDef flow, Function<String, StageKind> kinds) {
    List<Node> nodes = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (StageDef s : flow.stages()) {
      if (names.add(s.name())) {
        nodes.add(new Node(s.name(), s.action(), kinds.apply(s.action())));
      }
    }
    List<Edge> edges = new ArrayList<>();
    Set<Edge> seen = new LinkedHashSet<>();
    for (StageDef s : flow.stages()) {
      for (StageDef.Ref r : s.out()) {
        Edge e = new Edge(s.name(), r.name());
        if (names.contains(r.name()) && seen.add(e)) {
          edges.add(e);
        }
      }
    }
    return new FlowPicture(flow.name(), nodes, edges);
  }
}

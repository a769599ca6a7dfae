package dev.flow.client.model;

import java.util.List;

/** A flow drawn: the SVG and the laid-out position of every stage and edge. */
public record FlowGraph(String svg, List<Node> nodes, List<Edge> edges) {
  public FlowGraph {
    nodes = nodes == null ? List.of() : nodes;
    edges = edges == null ? List.of() : edges;
  }

  /** A stage's box in the layout. */
  public record Node(
      String name, String action, String kind, double x, double y, double width, double height) {}

  /** An edge from one stage to another. */
  public record Edge(String from, String to) {}
}

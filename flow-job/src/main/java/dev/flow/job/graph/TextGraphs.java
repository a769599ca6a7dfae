package dev.flow.job.graph;

import dev.flow.spi.StageKind;
import java.util.HashMap;
import java.util.Map;

/** Renders a {@link FlowPicture} as Mermaid or Graphviz DOT text. */
public final class TextGraphs {
  private TextGraphs() {}

  /** Mermaid flowchart, left to right; triggers are stadiums, publishers are cylinders. */
  public static String mermaid(FlowPicture g) {
    StringBuilder b = new StringBuilder("flowchart LR\n");
    Map<String, String> ids = ids(g);
    for (FlowPicture.Node n : g.nodes()) {
      String label = mermaidText(n.id()) + "<br/><i>" + mermaidText(n.action()) + "</i>";
      String id = ids.get(n.id());
      String shape =
          n.kind() == null
              ? id + "{{\"" + label + "\"}}"
              : switch (n.kind()) {
                case TRIGGER -> id + "([\"" + label + "\"])";
                case PUBLISHER -> id + "[(\"" + label + "\")]";
                case TRANSFORM -> id + "[\"" + label + "\"]";
              };
      b.append("  ").append(shape).append('\n');
    }
    for (FlowPicture.Edge e : g.edges()) {
      b.append("  ").append(ids.get(e.from())).append(" --> ").append(ids.get(e.to())).append('\n');
    }
    return b.toString();
  }

  /** Graphviz DOT, left to right, with the kind as shape and colour. */
  public static String dot(FlowPicture g) {
    StringBuilder b = new StringBuilder();
    b.append("digraph \"").append(dotText(g.name())).append("\" {\n");
    b.append("  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n");
    for (FlowPicture.Node n : g.nodes()) {
      b.append("  \"")
          .append(dotText(n.id()))
          .append("\" [label=\"")
          .append(dotText(n.id()))
          .append("\\n")
          .append(dotText(n.action()))
          .append("\", ")
          .append(dotStyle(n.kind()))
          .append("];\n");
    }
    for (FlowPicture.Edge e : g.edges()) {
      b.append("  \"")
          .append(dotText(e.from()))
          .append("\" -> \"")
          .append(dotText(e.to()))
          .append("\";\n");
    }
    return b.append("}\n").toString();
  }

  private static String dotStyle(StageKind kind) {
    if (kind == null) {
      return "shape=octagon, fillcolor=\"#f8d7da\"";
    }
    return switch (kind) {
      case TRIGGER -> "shape=cds, fillcolor=\"#d1e7dd\"";
      case TRANSFORM -> "shape=box, fillcolor=\"#dbe7f7\"";
      case PUBLISHER -> "shape=cylinder, fillcolor=\"#fff3cd\"";
    };
  }

  private static Map<String, String> ids(FlowPicture g) {
    Map<String, String> ids = new HashMap<>();
    int i = 0;
    for (FlowPicture.Node n : g.nodes()) {
      ids.put(n.id(), "s" + i++);
    }
    return ids;
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }

  private static String dotText(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

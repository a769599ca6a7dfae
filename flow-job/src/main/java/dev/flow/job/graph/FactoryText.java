package dev.flow.job.graph;

/** Renders a {@link FactoryPicture} as a Mermaid flowchart: flows as boxes or subgraphs. */
public final class FactoryText {
  private FactoryText() {}

  /** Mermaid, left to right; data edges labelled, after edges dotted. */
  public static String mermaid(FactoryPicture p) {
    StringBuilder b = new StringBuilder("flowchart LR\n");
    for (FactoryPicture.Box box : p.flows()) {
      String title = text(box.name()) + "<br/><i>" + box.subtitle() + "</i>";
      if (box.graph() == null) {
        b.append("  ").append(box.id()).append("[\"").append(title).append("\"]\n");
        continue;
      }
      b.append("  subgraph ").append(box.id()).append(" [\"").append(title).append("\"]\n");
      int i = 0;
      for (FlowPicture.Node n : box.graph().nodes()) {
        b.append("    ")
            .append(stageId(box.id(), box, n.id()))
            .append("[\"")
            .append(text(n.id()))
            .append("<br/><i>")
            .append(text(n.action() == null ? "" : n.action()))
            .append("</i>\"]\n");
        i++;
      }
      for (FlowPicture.Edge e : box.graph().edges()) {
        b.append("    ")
            .append(stageId(box.id(), box, e.from()))
            .append(" --> ")
            .append(stageId(box.id(), box, e.to()))
            .append('\n');
      }
      b.append("  end\n");
    }
    for (FactoryPicture.Link l : p.edges()) {
      String from = end(p, l.from(), l.fromStage());
      String to = end(p, l.to(), l.toStage());
      if (l.after()) {
        b.append("  ").append(from).append(" -. after .-> ").append(to).append('\n');
      } else {
        b.append("  ")
            .append(from)
            .append(" -- \"")
            .append(text(l.label()))
            .append("\" --> ")
            .append(to)
            .append('\n');
      }
    }
    return b.toString();
  }

  private static String end(FactoryPicture p, String box, String stage) {
    for (FactoryPicture.Box b : p.flows()) {
      if (b.id().equals(box) && b.graph() != null && stage != null) {
        for (FlowPicture.Node n : b.graph().nodes()) {
          if (n.id().equals(stage)) {
            return stageId(box, b, stage);
          }
        }
      }
    }
    return box;
  }

  private static String stageId(String boxId, FactoryPicture.Box box, String stage) {
    int i = 0;
    for (FlowPicture.Node n : box.graph().nodes()) {
      if (n.id().equals(stage)) {
        return boxId + "s" + i;
      }
      i++;
    }
    return boxId;
  }

  private static String text(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}

package dev.flow.job.graph;

import static dev.flow.job.graph.Svg.CHAR_WIDTH;
import static dev.flow.job.graph.Svg.PADDING;
import static dev.flow.job.graph.Svg.num;
import static dev.flow.job.graph.Svg.xml;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Draws a {@link FactoryPicture} as SVG with the same ELK layered layout as {@code flow graph}:
 * flows as boxes left to right, upstream first; data edges solid and labelled with the topic,
 * stream, path or table; {@code after} edges dashed. Expanded, each box holds its stages and the
 * data edges join the writing stage to the reading one.
 */
public final class FactorySvg {
  private static final double TOP = 28;

  private FactorySvg() {}

  /** The laid-out factory as an SVG document. */
  public static String render(FactoryPicture p) {
    ElkNode root = Svg.layeredRoot(60.0, 30.0);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);

    Map<String, ElkNode> boxes = new LinkedHashMap<>();
    Map<String, ElkNode> stages = new HashMap<>();
    for (FactoryPicture.Box b : p.flows()) {
      ElkNode box = ElkGraphUtil.createNode(root);
      boxes.put(b.id(), box);
      double textWidth = Math.max(b.name().length(), b.subtitle().length()) * CHAR_WIDTH + 32;
      if (b.graph() == null) {
        box.setDimensions(Math.max(150, textWidth), 52);
        continue;
      }
      box.setProperty(CoreOptions.PADDING, new ElkPadding(44, 16, 16, 16));
      box.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(textWidth, 60));
      box.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
      for (FlowPicture.Node n : b.graph().nodes()) {
        ElkNode sn = ElkGraphUtil.createNode(box);
        int chars = Math.max(n.id().length(), n.action() == null ? 0 : n.action().length() + 2);
        sn.setDimensions(Math.max(100, chars * CHAR_WIDTH + 24), 42);
        stages.put(b.id() + "/" + n.id(), sn);
      }
      for (FlowPicture.Edge e : b.graph().edges()) {
        ElkGraphUtil.createSimpleEdge(
            stages.get(b.id() + "/" + e.from()), stages.get(b.id() + "/" + e.to()));
      }
    }
    Map<ElkEdge, FactoryPicture.Link> links = new LinkedHashMap<>();
    for (FactoryPicture.Link l : p.edges()) {
      ElkNode from = l.fromStage() == null ? null : stages.get(l.from() + "/" + l.fromStage());
      ElkNode to = l.toStage() == null ? null : stages.get(l.to() + "/" + l.toStage());
      ElkEdge e =
          ElkGraphUtil.createSimpleEdge(
              from != null ? from : boxes.get(l.from()), to != null ? to : boxes.get(l.to()));
      ElkGraphUtil.updateContainment(e);
      ElkLabel label = ElkGraphUtil.createLabel(l.label(), e);
      label.setDimensions(l.label().length() * 6.4 + 10, 16);
      label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      links.put(e, l);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    double width = root.getWidth() + 2 * PADDING;
    double height = root.getHeight() + 2 * PADDING + TOP + 20;
    StringBuilder b = Svg.open(width, height, p.name());
    b.append("  <defs>")
        .append(marker("arrow", "#1f4e79"))
        .append(marker("after", "#777"))
        .append(marker("inner", "#555"))
        .append("</defs>\n");
    b.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    b.append("  <text x=\"")
        .append(num(PADDING))
        .append("\" y=\"20\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">factory: ")
        .append(xml(p.name()))
        .append("</text>\n");
    double ox = PADDING;
    double oy = PADDING + TOP;
    for (FactoryPicture.Box box : p.flows()) {
      boxSvg(b, box, boxes.get(box.id()), stages, ox, oy);
    }
    for (ElkNode box : boxes.values()) {
      for (ElkEdge e : box.getContainedEdges()) {
        edgeSvg(b, e, links.get(e), ox, oy);
      }
    }
    for (ElkEdge e : root.getContainedEdges()) {
      edgeSvg(b, e, links.get(e), ox, oy);
    }
    legend(b, height);
    return b.append("</svg>\n").toString();
  }

  private static void boxSvg(
      StringBuilder b,
      FactoryPicture.Box box,
      ElkNode n,
      Map<String, ElkNode> stages,
      double ox,
      double oy) {
    double x = n.getX() + ox;
    double y = n.getY() + oy;
    boolean bounded = box.subtitle().equals("bounded");
    String fill = box.subtitle().equals("invalid") ? "#f8d7da" : bounded ? "#f3ecfa" : "#e8f1fb";
    String stroke = box.subtitle().equals("invalid") ? "#b02a37" : bounded ? "#6f42c1" : "#1f4e79";
    b.append("  <g class=\"flow\" data-name=\"")
        .append(xml(box.name()))
        .append("\" data-kind=\"")
        .append(box.subtitle())
        .append("\">\n");
    Svg.rect(b.append("    "), x, y, n.getWidth(), n.getHeight())
        .append("8\" fill=\"")
        .append(fill)
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"1.8\"/>\n");
    double tx = box.graph() == null ? x + n.getWidth() / 2 : x + 12;
    String anchor = box.graph() == null ? "middle" : "start";
    b.append("    <text x=\"")
        .append(num(tx))
        .append("\" y=\"")
        .append(num(y + 21))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">")
        .append(xml(box.name()))
        .append("</text>\n");
    b.append("    <text x=\"")
        .append(num(tx))
        .append("\" y=\"")
        .append(num(y + 37))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" font-size=\"11\" fill=\"#555\">")
        .append(box.subtitle())
        .append(" flow</text>\n");
    if (box.graph() != null) {
      for (FlowPicture.Node s : box.graph().nodes()) {
        ElkNode sn = stages.get(box.id() + "/" + s.id());
        double sx = x + sn.getX();
        double sy = y + sn.getY();
        String[] st = SvgGraph.style(s.kind());
        b.append("    <g class=\"stage\" data-name=\"").append(xml(s.id())).append("\">");
        Svg.rect(b, sx, sy, sn.getWidth(), sn.getHeight())
            .append(st[2].equals("22") ? "20" : st[2])
            .append("\" fill=\"")
            .append(st[0])
            .append("\" stroke=\"")
            .append(st[1])
            .append("\" stroke-width=\"1.3\"/>");
        double cx = sx + sn.getWidth() / 2;
        Svg.centredText(b, cx, sy + 17, "11", true, "#222", s.id());
        Svg.centredText(b, cx, sy + 32, "10", false, "#555", s.action() == null ? "" : s.action())
            .append("</g>\n");
      }
    }
    b.append("  </g>\n");
  }

  private static void edgeSvg(
      StringBuilder b, ElkEdge e, FactoryPicture.Link link, double ox, double oy) {
    double[] off = offset(e.getContainingNode());
    double dx = ox + off[0];
    double dy = oy + off[1];
    String color = link == null ? "#555" : link.after() ? "#777" : "#1f4e79";
    String marker = link == null ? "inner" : link.after() ? "after" : "arrow";
    for (ElkEdgeSection s : e.getSections()) {
      b.append("  <polyline class=\"")
          .append(link == null ? "stage-edge" : link.after() ? "after-edge" : "data-edge")
          .append("\" points=\"")
          .append(Svg.points(s, dx, dy))
          .append("\" fill=\"none\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"")
          .append(link == null ? "1.2" : "1.8")
          .append('"')
          .append(link != null && link.after() ? " stroke-dasharray=\"6 4\"" : "")
          .append(" marker-end=\"url(#")
          .append(marker)
          .append(")\"/>\n");
    }
    if (link == null) {
      return;
    }
    for (ElkLabel l : e.getLabels()) {
      double lx = l.getX() + dx;
      double ly = l.getY() + dy;
      Svg.rect(b.append("  <g class=\"edge-label\">"), lx, ly, l.getWidth(), l.getHeight())
          .append("3\" fill=\"#ffffff\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"0.6\"/><text x=\"")
          .append(num(lx + l.getWidth() / 2))
          .append("\" y=\"")
          .append(num(ly + 12))
          .append("\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"")
          .append(color)
          .append("\">")
          .append(xml(l.getText()))
          .append("</text></g>\n");
    }
  }

  /** The absolute position of a node's content area, below the root. */
  private static double[] offset(ElkNode n) {
    double x = 0;
    double y = 0;
    for (ElkNode cur = n; cur != null && cur.getParent() != null; cur = cur.getParent()) {
      x += cur.getX();
      y += cur.getY();
    }
    return new double[] {x, y};
  }

  private static String marker(String id, String color) {
    return "<marker id=\""
        + id
        + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\""
        + " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\""
        + color
        + "\"/></marker>";
  }

  private static void legend(StringBuilder b, double height) {
    double y = height - 12;
    b.append("  <line x1=\"20\" y1=\"")
        .append(num(y - 4))
        .append("\" x2=\"50\" y2=\"")
        .append(num(y - 4))
        .append("\" stroke=\"#1f4e79\" stroke-width=\"1.8\"/><text x=\"56\" y=\"")
        .append(num(y))
        .append("\" font-size=\"11\" fill=\"#444\">data (inferred)</text>\n");
    b.append("  <line x1=\"160\" y1=\"")
        .append(num(y - 4))
        .append("\" x2=\"190\" y2=\"")
        .append(num(y - 4))
        .append(
            "\" stroke=\"#777\" stroke-width=\"1.8\" stroke-dasharray=\"6 4\"/><text x=\"196\" y=\"")
        .append(num(y))
        .append("\" font-size=\"11\" fill=\"#444\">after</text>\n");
  }
}

package dev.flow.job.graph;

import static dev.flow.job.graph.SvgGraph.num;
import static dev.flow.job.graph.SvgGraph.xml;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
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
  private static final double CHAR_WIDTH = 7.2;
  private static final double PADDING = 20;
  private static final double TOP = 28;

  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private FactorySvg() {}

  /** The laid-out factory as an SVG document. */
  public static String render(FactoryPicture p) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
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
      box.setProperty(
          CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(textWidth, 60));
      box.setProperty(
          CoreOptions.NODE_SIZE_CONSTRAINTS,
          java.util.EnumSet.of(org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE));
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
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(num(width))
        .append("\" height=\"")
        .append(num(height))
        .append("\" viewBox=\"0 0 ")
        .append(num(width))
        .append(' ')
        .append(num(height))
        .append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
    b.append("  <title>").append(xml(p.name())).append("</title>\n");
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
    b.append("    <rect x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" width=\"")
        .append(num(n.getWidth()))
        .append("\" height=\"")
        .append(num(n.getHeight()))
        .append("\" rx=\"8\" fill=\"")
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
        b.append("<rect x=\"")
            .append(num(sx))
            .append("\" y=\"")
            .append(num(sy))
            .append("\" width=\"")
            .append(num(sn.getWidth()))
            .append("\" height=\"")
            .append(num(sn.getHeight()))
            .append("\" rx=\"")
            .append(st[2].equals("22") ? "20" : st[2])
            .append("\" fill=\"")
            .append(st[0])
            .append("\" stroke=\"")
            .append(st[1])
            .append("\" stroke-width=\"1.3\"/>");
        double cx = sx + sn.getWidth() / 2;
        b.append("<text x=\"")
            .append(num(cx))
            .append("\" y=\"")
            .append(num(sy + 17))
            .append(
                "\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#222\">")
            .append(xml(s.id()))
            .append("</text><text x=\"")
            .append(num(cx))
            .append("\" y=\"")
            .append(num(sy + 32))
            .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">")
            .append(xml(s.action() == null ? "" : s.action()))
            .append("</text></g>\n");
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
      StringBuilder pts = new StringBuilder();
      pts.append(num(s.getStartX() + dx)).append(',').append(num(s.getStartY() + dy));
      for (ElkBendPoint p : s.getBendPoints()) {
        pts.append(' ').append(num(p.getX() + dx)).append(',').append(num(p.getY() + dy));
      }
      pts.append(' ').append(num(s.getEndX() + dx)).append(',').append(num(s.getEndY() + dy));
      b.append("  <polyline class=\"")
          .append(link == null ? "stage-edge" : link.after() ? "after-edge" : "data-edge")
          .append("\" points=\"")
          .append(pts)
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
      b.append("  <g class=\"edge-label\"><rect x=\"")
          .append(num(lx))
          .append("\" y=\"")
          .append(num(ly))
          .append("\" width=\"")
          .append(num(l.getWidth()))
          .append("\" height=\"")
          .append(num(l.getHeight()))
          .append("\" rx=\"3\" fill=\"#ffffff\" stroke=\"")
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

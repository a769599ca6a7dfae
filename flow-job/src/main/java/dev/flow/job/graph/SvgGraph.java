package dev.flow.job.graph;

import static dev.flow.job.graph.Svg.CHAR_WIDTH;
import static dev.flow.job.graph.Svg.PADDING;
import static dev.flow.job.graph.Svg.num;
import static dev.flow.job.graph.Svg.xml;

import dev.flow.spi.StageKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Draws a {@link FlowPicture} as an SVG picture, laid out left to right by Eclipse ELK's layered
 * algorithm: stages in layers, edges routed orthogonally, no overlaps. The kind of each stage shows
 * as its colour and shape.
 */
public final class SvgGraph {
  private static final double NODE_HEIGHT = 46;

  private SvgGraph() {}

  /** Where a stage was placed: its top-left corner, width and height, in the SVG's pixels. */
  public record Box(double x, double y, double width, double height) {}

  /** The SVG document and the box of each stage, by name, in the order of the graph's nodes. */
  public record Drawing(String svg, Map<String, Box> nodes) {}

  /** The laid-out graph as an SVG document. */
  public static String render(FlowPicture g) {
    return draw(g).svg();
  }

  /** Lays the graph out and draws it; the boxes are the positions the SVG shows. */
  public static Drawing draw(FlowPicture g) {
    Map<String, Box> boxes = new LinkedHashMap<>();
    ElkNode root = Svg.layeredRoot(50.0, 24.0);

    Map<String, ElkNode> nodes = new HashMap<>();
    for (FlowPicture.Node n : g.nodes()) {
      ElkNode en = ElkGraphUtil.createNode(root);
      int chars = Math.max(n.id().length(), n.action().length() + 2);
      en.setDimensions(Math.max(110, chars * CHAR_WIDTH + 28), NODE_HEIGHT);
      nodes.put(n.id(), en);
    }
    Map<ElkEdge, FlowPicture.Edge> edges = new LinkedHashMap<>();
    for (FlowPicture.Edge e : g.edges()) {
      ElkEdge ee = ElkGraphUtil.createSimpleEdge(nodes.get(e.from()), nodes.get(e.to()));
      edges.put(ee, e);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    double width = root.getWidth() + 2 * PADDING;
    double height = root.getHeight() + 2 * PADDING + 24;
    StringBuilder b = Svg.open(width, height, g.name());
    b.append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
        .append("markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
    b.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    b.append("  <text x=\"")
        .append(num(PADDING))
        .append("\" y=\"18\" font-size=\"14\" ")
        .append("font-weight=\"bold\" fill=\"#222\">")
        .append(xml(g.name()))
        .append("</text>\n");
    double dy = PADDING + 24;
    for (Map.Entry<ElkEdge, FlowPicture.Edge> e : edges.entrySet()) {
      for (ElkEdgeSection s : e.getKey().getSections()) {
        b.append("  <polyline class=\"edge\" data-from=\"")
            .append(xml(e.getValue().from()))
            .append("\" data-to=\"")
            .append(xml(e.getValue().to()))
            .append("\" points=\"")
            .append(Svg.points(s, PADDING, dy))
            .append("\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.4\" ")
            .append("marker-end=\"url(#arrow)\"/>\n");
      }
    }
    for (FlowPicture.Node n : g.nodes()) {
      ElkNode en = nodes.get(n.id());
      double x = en.getX() + PADDING;
      double y = en.getY() + dy;
      boxes.put(n.id(), new Box(x, y, en.getWidth(), en.getHeight()));
      String[] style = style(n.kind());
      b.append("  <g class=\"stage\" data-name=\"")
          .append(xml(n.id()))
          .append("\" data-kind=\"")
          .append(n.kind() == null ? "unknown" : n.kind().label())
          .append("\">\n    ");
      Svg.rect(b, x, y, en.getWidth(), en.getHeight())
          .append(style[2])
          .append("\" fill=\"")
          .append(style[0])
          .append("\" stroke=\"")
          .append(style[1])
          .append("\" stroke-width=\"1.5\"/>\n    ");
      double cx = x + en.getWidth() / 2;
      Svg.centredText(b, cx, y + 19, "12", true, "#222", n.id()).append("\n    ");
      Svg.centredText(b, cx, y + 35, "11", false, "#555", n.action()).append("\n");
      b.append("  </g>\n");
    }
    // The legend.
    double lx = PADDING;
    double ly = height - 10;
    for (StageKind k : StageKind.values()) {
      String[] st = style(k);
      b.append("  <rect x=\"")
          .append(num(lx))
          .append("\" y=\"")
          .append(num(ly - 10))
          .append("\" width=\"12\" height=\"12\" rx=\"")
          .append(st[2])
          .append("\" fill=\"")
          .append(st[0])
          .append("\" stroke=\"")
          .append(st[1])
          .append("\"/>");
      b.append("<text x=\"")
          .append(num(lx + 16))
          .append("\" y=\"")
          .append(num(ly))
          .append("\" font-size=\"11\" fill=\"#444\">")
          .append(k.label())
          .append("</text>\n");
      lx += 90;
    }
    return new Drawing(b.append("</svg>\n").toString(), boxes);
  }

  /** Fill, stroke and corner radius per kind. */
  static String[] style(StageKind kind) {
    if (kind == null) {
      return new String[] {"#f8d7da", "#b02a37", "0"};
    }
    return switch (kind) {
      case TRIGGER -> new String[] {"#d1e7dd", "#146c43", "22"};
      case TRANSFORM -> new String[] {"#dbe7f7", "#2f5d9c", "4"};
      case PUBLISHER -> new String[] {"#fff3cd", "#997404", "12"};
    };
  }
}

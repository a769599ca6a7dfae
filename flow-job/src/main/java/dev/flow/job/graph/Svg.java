package dev.flow.job.graph;

import java.util.Locale;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/** What the flow and the factory pictures draw alike: the layout's root, the SVG's pieces. */
final class Svg {
  static final double CHAR_WIDTH = 7.2;
  static final double PADDING = 20;

  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private Svg() {}

  /** An empty graph laid out left to right in layers, its edges routed orthogonally. */
  static ElkNode layeredRoot(double betweenLayers, double nodeToNode) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, betweenLayers);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, nodeToNode);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
    return root;
  }

  /** The opening {@code <svg>} element of the given size, and its title. */
  static StringBuilder open(double width, double height, String title) {
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
    b.append("  <title>").append(xml(title)).append("</title>\n");
    return b;
  }

  /** An edge section's points, shifted by (dx, dy), as a polyline's {@code points} value. */
  static String points(ElkEdgeSection s, double dx, double dy) {
    StringBuilder pts = new StringBuilder();
    pts.append(num(s.getStartX() + dx)).append(',').append(num(s.getStartY() + dy));
    for (ElkBendPoint p : s.getBendPoints()) {
      pts.append(' ').append(num(p.getX() + dx)).append(',').append(num(p.getY() + dy));
    }
    pts.append(' ').append(num(s.getEndX() + dx)).append(',').append(num(s.getEndY() + dy));
    return pts.toString();
  }

  /** A rectangle's position and size attributes, from {@code x} to the open {@code rx} value. */
  static StringBuilder rect(StringBuilder b, double x, double y, double width, double height) {
    return b.append("<rect x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" width=\"")
        .append(num(width))
        .append("\" height=\"")
        .append(num(height))
        .append("\" rx=\"");
  }

  /** A centred text of the given size, bold or not, in the given colour. */
  static StringBuilder centredText(
      StringBuilder b, double x, double y, String size, boolean bold, String fill, String text) {
    return b.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" text-anchor=\"middle\" font-size=\"")
        .append(size)
        .append(bold ? "\" font-weight=\"bold" : "")
        .append("\" fill=\"")
        .append(fill)
        .append("\">")
        .append(xml(text))
        .append("</text>");
  }

  static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}

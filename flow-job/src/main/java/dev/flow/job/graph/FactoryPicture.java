package dev.flow.job.graph;

import dev.flow.FlowCompiler;
import dev.flow.factory.FactoryEdge;
import dev.flow.factory.FactoryFlow;
import dev.flow.factory.ValidatedFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A factory as boxes and edges, for drawing: one box per flow (holding its stages when expanded),
 * data edges labelled with what the flows share, and dashed {@code after} edges.
 *
 * @param name the factory's name
 * @param flows the flows, in the factory file's order
 * @param edges the edges between flows
 * @param stages true when each box holds its flow's stages
 */
public record FactoryPicture(String name, List<Box> flows, List<Link> edges, boolean stages) {

  /** A flow: its name, whether it is bounded, and its stage graph (null when not expanded). */
  public record Box(String id, String name, String subtitle, FlowPicture graph) {}

  /**
   * An edge between flows; {@code fromStage}/{@code toStage} name the writer and reader stages of a
   * data edge, null for an after edge.
   */
  public record Link(
      String from, String to, String label, boolean after, String fromStage, String toStage) {}

  /** The picture of a validated factory. */
  public static FactoryPicture of(ValidatedFactory v, boolean stages) {
    List<Box> boxes = new ArrayList<>();
    for (FactoryFlow f : v.flows()) {
      String subtitle = !f.valid() ? "invalid" : f.bounded() ? "bounded" : "streaming";
      FlowPicture g =
          stages && f.flow() != null && f.flow().def() != null
              ? FlowPicture.of(f.flow().def(), FlowCompiler::kindOf)
              : null;
      boxes.add(new Box("f" + f.index(), f.name(), subtitle, g));
    }
    List<Link> links = new ArrayList<>();
    for (FactoryEdge e : v.edges()) {
      links.add(
          new Link(
              "f" + e.from(),
              "f" + e.to(),
              e.label(),
              e.kind() == FactoryEdge.Kind.AFTER,
              e.writer(),
              e.reader()));
    }
    return new FactoryPicture(v.def() == null ? "factory" : v.def().name(), boxes, links, stages);
  }
}

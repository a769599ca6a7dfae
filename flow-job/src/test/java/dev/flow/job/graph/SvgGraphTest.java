package dev.flow.job.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.spi.StageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgGraphTest {
  private static final Pattern EDGE =
      Pattern.compile("<polyline class=\"edge\" data-from=\"([^\"]*)\" data-to=\"([^\"]*)\"");

  /** A fan-out and fan-in of eight stages: enough edges for an unstable order to show. */
  private static FlowPicture picture() {
    List<FlowPicture.Node> nodes = new ArrayList<>();
    List<FlowPicture.Edge> edges = new ArrayList<>();
    nodes.add(new FlowPicture.Node("in", "Read File", StageKind.TRIGGER));
    nodes.add(new FlowPicture.Node("out", "Write to File", StageKind.PUBLISHER));
    for (int i = 0; i < 8; i++) {
      nodes.add(new FlowPicture.Node("step " + i, "Remap Fields", StageKind.TRANSFORM));
      edges.add(new FlowPicture.Edge("in", "step " + i));
      edges.add(new FlowPicture.Edge("step " + i, "out"));
    }
    return new FlowPicture("fan", nodes, edges);
  }

  @Test
  void theSamePictureDrawsTheSameSvgEveryTimeWithEdgesInTheFlowsOrder() {
    FlowPicture p = picture();
    String first = SvgGraph.render(p);
    for (int i = 0; i < 20; i++) {
      assertThat(SvgGraph.render(p)).isEqualTo(first);
    }
    List<FlowPicture.Edge> drawn = new ArrayList<>();
    Matcher m = EDGE.matcher(first);
    while (m.find()) {
      drawn.add(new FlowPicture.Edge(m.group(1), m.group(2)));
    }
    assertThat(drawn).containsExactlyElementsOf(p.edges());
  }
}

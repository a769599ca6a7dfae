package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code flow graph}: the node and edge sets of every example, an SVG that parses and has no
 * overlapping boxes or edges through boxes, and the exact Mermaid and DOT text.
 */
class GraphCommandTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  record Box(String name, double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    /** Whether the segment passes through this box's inside (shrunk by 1 to allow touching). */
    boolean crossedBy(double x1, double y1, double x2, double y2) {
      double l = x + 1;
      double r = x + w - 1;
      double t = y + 1;
      double b = y + h - 1;
      if (y1 == y2) {
        return y1 > t && y1 < b && Math.max(x1, x2) > l && Math.min(x1, x2) < r;
      }
      if (x1 == x2) {
        return x1 > l && x1 < r && Math.max(y1, y2) > t && Math.min(y1, y2) < b;
      }
      return false;
    }
  }

  record Svg(Map<String, Box> boxes, Set<List<String>> edges, List<Element> lines) {}

  static Stream<Path> examples() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("../examples"))) {
      return s
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().endsWith(".test.yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The stage names and the edges that the YAML itself declares. */
  static Map<String, List<String>> declared(Path flow) throws Exception {
    Map<String, List<String>> out = new HashMap<>();
    for (JsonNode stage : YAML.readTree(flow.toFile()).get("stages")) {
      List<String> to = new ArrayList<>();
      stage.path("out").forEach(o -> to.add(o.isTextual() ? o.asText() : o.path("name").asText()));
      out.put(stage.get("name").asText(), to);
    }
    return out;
  }

  static Svg parse(String svg) throws Exception {
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    Map<String, Box> boxes = new HashMap<>();
    NodeList groups = doc.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      Element r = (Element) g.getElementsByTagName("rect").item(0);
      boxes.put(
          g.getAttribute("data-name"),
          new Box(
              g.getAttribute("data-name"),
              num(r, "x"),
              num(r, "y"),
              num(r, "width"),
              num(r, "height")));
    }
    Set<List<String>> edges = new HashSet<>();
    List<Element> lines = new ArrayList<>();
    NodeList polylines = doc.getElementsByTagName("polyline");
    for (int i = 0; i < polylines.getLength(); i++) {
      Element p = (Element) polylines.item(i);
      edges.add(List.of(p.getAttribute("data-from"), p.getAttribute("data-to")));
      lines.add(p);
    }
    return new Svg(boxes, edges, lines);
  }

  private static double num(Element e, String attr) {
    return Double.parseDouble(e.getAttribute(attr));
  }

  static void assertLaidOutCleanly(Svg svg) {
    List<Box> all = new ArrayList<>(svg.boxes().values());
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertThat(all.get(i).overlaps(all.get(j)))
            .as("%s overlaps %s", all.get(i), all.get(j))
            .isFalse();
      }
    }
    for (Element line : svg.lines()) {
      String[] pts = line.getAttribute("points").split(" ");
      for (int k = 0; k + 1 < pts.length; k++) {
        String[] a = pts[k].split(",");
        String[] b = pts[k + 1].split(",");
        for (Box box : all) {
          boolean own =
              box.name().equals(line.getAttribute("data-from"))
                  || box.name().equals(line.getAttribute("data-to"));
          assertThat(
                  !own
                      && box.crossedBy(
                          Double.parseDouble(a[0]),
                          Double.parseDouble(a[1]),
                          Double.parseDouble(b[0]),
                          Double.parseDouble(b[1])))
              .as("edge %s crosses %s", line.getAttribute("points"), box)
              .isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleDrawsItsStagesAndEdgesWithoutOverlaps(Path flow) throws Exception {
    CliRunner.Result r = CliRunner.run("graph", flow.toString(), "--format", "svg");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Svg svg = parse(r.out());

    Map<String, List<String>> declared = declared(flow);
    assertThat(svg.boxes().keySet()).containsExactlyInAnyOrderElementsOf(declared.keySet());
    Set<List<String>> edges = new HashSet<>();
    declared.forEach((from, tos) -> tos.forEach(to -> edges.add(List.of(from, to))));
    assertThat(svg.edges()).isEqualTo(edges);
    assertLaidOutCleanly(svg);
  }

  @Test
  void fiftyStagesWithFanOutAndFanInAreLaidOutWithoutOverlaps(@TempDir Path tmp) throws Exception {
    StringBuilder y = new StringBuilder("name: Wide\nstages:\n");
    y.append("  - {name: source, action: Generator, props: {fields: {id: seq}, count: 1}, out: [");
    for (int b = 0; b < 6; b++) {
      y.append(b == 0 ? "" : ", ").append("b").append(b).append("s0");
    }
    y.append("]}\n");
    for (int b = 0; b < 6; b++) {
      for (int s = 0; s < 7; s++) {
        String next = s < 6 ? "b" + b + "s" + (s + 1) : (b % 2 == 0 ? "sink even" : "sink odd");
        y.append("  - {name: b")
            .append(b)
            .append('s')
            .append(s)
            .append(", action: Map, props: {fields: {step: \"")
            .append(s)
            .append("\"}}, out: [")
            .append(next)
            .append(s == 3 ? ", audit" : "")
            .append("]}\n");
      }
    }
    y.append("  - {name: audit, action: Log, props: {}, out: []}\n");
    y.append("  - {name: sink even, action: Trash, props: {}, out: []}\n");
    y.append("  - {name: sink odd, action: Trash, props: {}, out: []}\n");
    Path flow = tmp.resolve("wide.yaml");
    Files.writeString(flow, y);

    CliRunner.Result r = CliRunner.run("graph", flow.toString(), "--format", "svg");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Svg svg = parse(r.out());
    assertThat(svg.boxes()).hasSize(46);
    assertThat(svg.edges()).hasSize(6 + 6 * 7 + 6);
    assertLaidOutCleanly(svg);
    // Layered left to right: every edge goes from a box to a box further right.
    for (List<String> e : svg.edges()) {
      assertThat(svg.boxes().get(e.get(1)).x()).isGreaterThan(svg.boxes().get(e.get(0)).x());
    }
  }

  @Test
  void mermaidAndDotOfTheQuickStart() {
    CliRunner.Result m = CliRunner.run("graph", "../examples/quickstart.yaml");
    assertThat(m.exitCode()).isZero();
    assertThat(m.out())
        .isEqualTo(
            """
            flowchart LR
              s0(["orders<br/><i>Inline Records</i>"])
              s1["tidy<br/><i>Remap Fields</i>"]
              s2["big orders<br/><i>Filter</i>"]
              s3["add totals<br/><i>Map</i>"]
              s4[("print<br/><i>Log</i>")]
              s0 --> s1
              s1 --> s2
              s2 --> s3
              s3 --> s4
            """);

    CliRunner.Result d = CliRunner.run("graph", "../examples/quickstart.yaml", "--format", "dot");
    assertThat(d.exitCode()).isZero();
    assertThat(d.out())
        .startsWith("digraph \"Quick start\" {\n  rankdir=LR;\n")
        .contains("  \"orders\" [label=\"orders\\nInline Records\", shape=cds")
        .contains("  \"print\" [label=\"print\\nLog\", shape=cylinder")
        .endsWith(
            "  \"orders\" -> \"tidy\";\n  \"tidy\" -> \"big orders\";\n"
                + "  \"big orders\" -> \"add totals\";\n  \"add totals\" -> \"print\";\n}\n");
  }

  @Test
  void aFlowThatDoesNotParseGetsItsLocatedProblem(@TempDir Path tmp) throws Exception {
    Path flow = tmp.resolve("bad.yaml");
    Files.writeString(flow, "name: x\nstages: [\n");
    CliRunner.Result r = CliRunner.run("graph", flow.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith(flow + ":").doesNotContain("Exception");
  }
}

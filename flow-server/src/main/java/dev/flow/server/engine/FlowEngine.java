package dev.flow.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.flow.FlowCompiler;
import dev.flow.job.graph.FlowPicture;
import dev.flow.job.graph.SvgGraph;
import dev.flow.model.Node;
import dev.flow.parse.ParameterSets;
import dev.flow.parse.YamlReader;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.api.ProblemJson;
import dev.flow.upgrade.StateChange;
import dev.flow.upgrade.StateDiff;
import dev.flow.validate.ValidatedFlow;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CLI's engine behind the API: {@code flow validate}'s validator, {@code flow graph}'s layout
 * and SVG, and {@code flow diff}'s savepoint check, over stored text and parameter sets. The
 * server's environment is not the flow's: {@code ${env:NAME}} is not resolved here.
 */
public final class FlowEngine {
  /** The file name that problems name for a stored flow. */
  public static final String FILE = "flow.yaml";

  private final Previews previews = new Previews();

  /** Validates a flow's text with the given sets, exactly as {@code flow validate} does. */
  public ValidatedFlow validate(String yaml, ParameterSets sets) {
    return FlowCompiler.validateText(yaml, FILE, sets, name -> null, false);
  }

  /** {@code {"valid":bool,"problems":[...]}}. */
  public ObjectNode validation(ValidatedFlow v) {
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("valid", !v.hasErrors());
    o.set("problems", ProblemJson.problems(v.problems()));
    return o;
  }

  /** The flow's {@code name} as written in the YAML, or null. */
  public static String nameOf(String yaml) {
    YamlReader.Result r = new YamlReader(YamlReader.Limits.defaults()).read(yaml, FILE);
    if (r.root() instanceof Node.MapNode m
        && m.get("name") instanceof Node.ScalarNode s
        && !s.isNull()) {
      return s.text();
    }
    return null;
  }

  /**
   * The SVG of {@code flow graph}, each node's box and the edges; 400 when the flow is unusable.
   */
  public ObjectNode graph(ValidatedFlow v) {
    if (v.def() == null) {
      throw ApiException.invalid("the flow cannot be drawn", v.problems());
    }
    FlowPicture g = FlowPicture.of(v.def(), FlowCompiler::kindOf);
    SvgGraph.Drawing d = SvgGraph.draw(g);
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("svg", d.svg());
    ArrayNode nodes = o.putArray("nodes");
    for (FlowPicture.Node n : g.nodes()) {
      SvgGraph.Box b = d.nodes().get(n.id());
      ObjectNode no = nodes.addObject();
      no.put("name", n.id());
      no.put("action", n.action());
      no.put("kind", n.kind() == null ? "unknown" : n.kind().label());
      no.put("x", b.x());
      no.put("y", b.y());
      no.put("width", b.width());
      no.put("height", b.height());
    }
    ArrayNode edges = o.putArray("edges");
    for (FlowPicture.Edge e : g.edges()) {
      edges.addObject().put("from", e.from()).put("to", e.to());
    }
    return o;
  }

  /**
   * The text diff between two versions and the findings of {@code flow diff}: what stops the newer
   * from restoring a savepoint of the older. When either is invalid, its problems are the findings.
   */
  public ObjectNode diff(int from, String before, int to, String after, ParameterSets sets) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            "flow.yaml@" + from, "flow.yaml@" + to, a, DiffUtils.diff(a, b), 3);
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("from", from);
    o.put("to", to);
    o.put("textDiff", unified.isEmpty() ? "" : String.join("\n", unified) + "\n");
    ValidatedFlow old = validate(before, sets);
    ValidatedFlow now = validate(after, sets);
    ArrayNode findings = o.putArray("findings");
    if (old.hasErrors() || now.hasErrors()) {
      o.put("comparable", false);
      findings.addAll(ProblemJson.problems(old.problems()));
      findings.addAll(ProblemJson.problems(now.problems()));
      return o;
    }
    List<StateChange> changes = StateDiff.between(old, now);
    o.put("comparable", true);
    o.put("compatible", changes.stream().noneMatch(StateChange::breaking));
    for (StateChange c : changes) {
      ObjectNode f = findings.addObject();
      f.put("file", c.location().file());
      f.put("line", c.location().line());
      f.put("column", c.location().column());
      if (c.stage() != null) {
        f.put("stage", c.stage());
      }
      if (c.action() != null) {
        f.put("action", c.action());
      }
      f.put("severity", c.level().name().toLowerCase(Locale.ROOT));
      f.put("message", c.message());
      if (c.hint() != null) {
        f.put("hint", c.hint());
      }
    }
    return o;
  }

  /** Runs the real preview engine on a valid flow, bounded in records and time. */
  public JsonNode preview(
      ValidatedFlow v,
      List<JsonNode> records,
      Map<String, List<JsonNode>> input,
      Long limit,
      Integer timeoutSeconds) {
    return previews.run(v, records, input, limit, timeoutSeconds);
  }
}

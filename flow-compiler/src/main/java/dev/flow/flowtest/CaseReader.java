package dev.flow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.expr.Condition;
import dev.flow.expr.ExpressionException;
import dev.flow.model.Node;
import dev.flow.parse.NodeJson;
import dev.flow.parse.Suggestions;
import dev.flow.spi.MockableTransform;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Reads one test case, checking every stage it names against the flow. */
final class CaseReader {
  private static final List<String> KEYS =
      List.of("name", "input", "mocks", "expect", "expectErrors", "ordered");
  private static final List<String> MOCK_KEYS = List.of("when", "response", "error");

  private final ValidatedFlow flow;
  private final Nodes nodes;

  CaseReader(ValidatedFlow flow, Nodes nodes) {
    this.flow = flow;
    this.nodes = nodes;
  }

  /** The case, or null when it has errors (reported). */
  TestCase read(Node node) {
    Node.MapNode m = nodes.map(node, "a test case", KEYS);
    if (m == null) {
      return null;
    }
    String name = m.get("name") == null ? null : nodes.string(m.get("name"), "'name'");
    if (m.get("name") == null) {
      nodes.error(m.location(), "a test case needs a 'name'");
    }
    Map<String, List<JsonNode>> inputs = byStage(m.get("input"), "input", this::records);
    Map<String, CannedResponder> mocks = byStage(m.get("mocks"), "mocks", this::mock);
    Map<String, List<JsonNode>> expect = byStage(m.get("expect"), "expect", this::records);
    Map<String, List<String>> errors = byStage(m.get("expectErrors"), "expectErrors", this::texts);
    boolean ordered = m.get("ordered") != null && nodes.bool(m.get("ordered"), "'ordered'");
    return new TestCase(name, m.location(), inputs, mocks, expect, errors, ordered);
  }

  /** A mapping from stage names to values; unknown stages are reported at their key. */
  private <T> Map<String, T> byStage(
      Node node, String key, BiFunction<ResolvedStage, Node, T> value) {
    Map<String, T> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    Node.MapNode m = nodes.map(node, "'" + key + "'", null);
    if (m == null) {
      return out;
    }
    for (var e : m.entries().entrySet()) {
      ResolvedStage stage = flow.stage(e.getKey());
      if (stage == null) {
        List<String> names = flow.stages().stream().map(ResolvedStage::name).toList();
        String hint = Suggestions.didYouMean(e.getKey(), names);
        nodes.error(
            m.keyLocation(e.getKey()),
            "'"
                + key
                + "' names the stage \""
                + e.getKey()
                + "\", which is not in the flow; "
                + (hint == null ? "" : hint + " ")
                + "stages: "
                + String.join(", ", names));
        continue;
      }
      T v = value.apply(stage, e.getValue());
      if (v != null) {
        out.put(stage.name(), v);
      }
    }
    return out;
  }

  private List<JsonNode> records(ResolvedStage stage, Node node) {
    Node.ListNode list = nodes.list(node, "the records of stage \"" + stage.name() + "\"");
    if (list == null) {
      return null;
    }
    List<JsonNode> records = new ArrayList<>();
    for (Node item : list.items()) {
      if (item instanceof Node.MapNode) {
        records.add(NodeJson.toJson(item));
      } else {
        nodes.error(item.location(), "a record must be a mapping, not " + item.typeName());
      }
    }
    return records;
  }

  private List<String> texts(ResolvedStage stage, Node node) {
    Node.ListNode list = nodes.list(node, "the expected errors of stage \"" + stage.name() + "\"");
    if (list == null) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (Node item : list.items()) {
      String s = nodes.string(item, "an expected error (a part of its message)");
      if (s != null) {
        texts.add(s);
      }
    }
    return texts;
  }

  private CannedResponder mock(ResolvedStage stage, Node node) {
    if (!(stage.factory() instanceof MockableTransform<?>)) {
      nodes.error(
          node.location(),
          stage.name(),
          stage.factory().name(),
          "the stage calls no outside service, so it cannot be mocked; mocks replace the calls of"
              + " stages such as Fetch and Lookup");
      return null;
    }
    Node.ListNode list = nodes.list(node, "the mock of stage \"" + stage.name() + "\"");
    if (list == null) {
      return null;
    }
    List<CannedResponder.Answer> answers = new ArrayList<>();
    for (Node item : list.items()) {
      Node.MapNode a = nodes.map(item, "a mock answer", MOCK_KEYS);
      if (a == null) {
        continue;
      }
      if (a.get("response") == null && a.get("error") == null) {
        nodes.error(a.location(), "a mock answer needs a 'response' (or an 'error')");
      }
      Condition when = a.get("when") == null ? null : condition(a.get("when"));
      String error = a.get("error") == null ? null : nodes.string(a.get("error"), "'error'");
      JsonNode response = a.get("response") == null ? null : NodeJson.toJson(a.get("response"));
      answers.add(new CannedResponder.Answer(when, response, error));
    }
    return new CannedResponder(answers);
  }

  private Condition condition(Node node) {
    String text = nodes.string(node, "'when'");
    if (text == null) {
      return null;
    }
    try {
      return Condition.compile(text);
    } catch (ExpressionException e) {
      var first = e.errors().isEmpty() ? null : e.errors().get(0);
      var at =
          first != null && first.line() == 1 && node instanceof Node.ScalarNode s
              ? s.locationOf(first.column() - 1)
              : node.location();
      nodes.error(at, "'when' is not a valid condition: " + e.getMessage());
      return null;
    }
  }
}

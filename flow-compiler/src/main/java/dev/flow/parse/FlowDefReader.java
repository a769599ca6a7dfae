package dev.flow.parse;

import dev.flow.model.FlowDef;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.model.StageDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a {@link FlowDef} from a document's node tree, reporting wrong keys and types. */
final class FlowDefReader {

  static final List<String> TOP_KEYS = List.of("name", "description", "stages", "settings");
  static final List<String> STAGE_KEYS = List.of("name", "action", "props", "out");

  private final String source;
  private final List<Problem> problems;

  FlowDefReader(String source, List<Problem> problems) {
    this.source = source;
    this.problems = problems;
  }

  FlowDef read(Node root) {
    if (!(root instanceof Node.MapNode m)) {
      boolean nothing =
          root instanceof Node.ScalarNode s
              && (s.isNull() || s.style() == Node.ScalarNode.Style.PLAIN && s.text().isEmpty());
      String found = nothing ? "nothing" : found(root);
      problems.add(
          Problem.error(
              root.location(),
              null,
              "the top level must be a mapping with 'name' and 'stages', found " + found));
      return null;
    }
    unknownKeys(m, TOP_KEYS, "top-level key", null);
    String name = text(m, "name", null, true);
    if (name == null && m.get("name") == null) {
      problems.add(
          Problem.error(m.location(), null, "the flow has no 'name'")
              .withHint("add 'name: <flow name>' at the top"));
    }
    String description = text(m, "description", null, false);
    Node.MapNode settings = mapping(m, "settings", null);
    List<StageDef> stages = new ArrayList<>();
    Node st = m.get("stages");
    if (st == null) {
      problems.add(
          Problem.error(m.location(), null, "the flow has no 'stages'")
              .withHint("add 'stages:' with a list of stages"));
    } else if (st instanceof Node.ListNode list) {
      int i = 0;
      for (Node item : list.items()) {
        StageDef s = stage(item, ++i);
        if (s != null) {
          stages.add(s);
        }
      }
    } else {
      problems.add(
          Problem.error(
              st.location(), null, "'stages' must be a list of stages, found " + found(st)));
    }
    return new FlowDef(name, description, stages, settings, source, m.location());
  }

  private StageDef stage(Node node, int index) {
    if (!(node instanceof Node.MapNode m)) {
      problems.add(
          Problem.error(
              node.location(),
              null,
              "stage "
                  + index
                  + " must be a mapping with 'name', 'action', 'props' and 'out', found "
                  + found(node)));
      return null;
    }
    String name = text(m, "name", null, true);
    unknownKeys(m, STAGE_KEYS, "stage key", name);
    if (name == null) {
      if (m.get("name") == null) {
        problems.add(
            Problem.error(m.location(), null, "stage " + index + " has no 'name'")
                .withHint("add 'name: <unique stage name>'"));
      }
      return null;
    }
    String action = text(m, "action", name, true);
    if (m.get("action") == null) {
      problems.add(
          Problem.error(m.location(), name, "the stage has no 'action'")
              .withHint("add 'action: <action name>'"));
    }
    Node.MapNode props = mapping(m, "props", name);
    List<StageDef.Ref> out = new ArrayList<>();
    Node o = m.get("out");
    if (o instanceof Node.ListNode l) {
      for (Node item : l.items()) {
        if (item instanceof Node.ScalarNode s && s.secret()) {
          problems.add(Problem.error(item.location(), name, "'out' cannot use a secret parameter"));
        } else if (item instanceof Node.ScalarNode s && !s.isNull()) {
          out.add(new StageDef.Ref(s.text(), s.location()));
        } else {
          problems.add(
              Problem.error(
                  item.location(),
                  name,
                  "each entry of 'out' must be a stage name, found " + found(item)));
        }
      }
    } else if (o != null && !isNull(o)) {
      problems.add(
          Problem.error(
                  o.location(), name, "'out' must be a list of stage names, found " + found(o))
              .withHint(o instanceof Node.ScalarNode s ? "write 'out: [" + s.text() + "]'" : null));
    }
    Location nameAt = m.get("name").location();
    Location actionAt = m.get("action") != null ? m.get("action").location() : m.location();
    return new StageDef(name, action, props, out, m.location(), nameAt, actionAt);
  }

  private void unknownKeys(Node.MapNode m, List<String> known, String what, String stage) {
    for (String key : m.entries().keySet()) {
      if (!known.contains(key)) {
        String d = Suggestions.didYouMean(key, known);
        String list = "Known keys: " + String.join(", ", known);
        problems.add(
            Problem.error(m.keyLocation(key), stage, "unknown " + what + " '" + key + "'")
                .withHint(d == null ? list : d + " " + list));
      }
    }
  }

  /** The text of a scalar entry, reporting a wrong type; null when absent or wrong. */
  private String text(Node.MapNode m, String key, String stage, boolean required) {
    Node n = m.get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof Node.ScalarNode s && s.secret()) {
      problems.add(
          Problem.error(s.location(), stage, "'" + key + "' cannot use a secret parameter"));
      return null;
    }
    if (n instanceof Node.ScalarNode s && !s.isNull()) {
      if (required && s.text().isBlank()) {
        problems.add(Problem.error(s.location(), stage, "'" + key + "' is empty"));
        return null;
      }
      return s.text();
    }
    if (isNull(n) && !required) {
      return null;
    }
    problems.add(
        Problem.error(n.location(), stage, "'" + key + "' must be a string, found " + found(n)));
    return null;
  }

  /** A mapping entry; absent or null gives an empty mapping at the parent's location. */
  private Node.MapNode mapping(Node.MapNode m, String key, String stage) {
    Node n = m.get(key);
    if (n instanceof Node.MapNode map) {
      return map;
    }
    Location at = n != null ? n.location() : m.location();
    if (n != null && !isNull(n)) {
      problems.add(
          Problem.error(n.location(), stage, "'" + key + "' must be a mapping, found " + found(n)));
    }
    return new Node.MapNode(Map.of(), Map.of(), at);
  }

  private static boolean isNull(Node n) {
    return n instanceof Node.ScalarNode s && s.isNull();
  }

  /** How a node is named in "found ..." messages; secret values are never shown. */
  static String found(Node n) {
    if (n instanceof Node.ScalarNode s && !s.isNull() && !s.secret()) {
      String t = abbreviate(s.text());
      return s.value() instanceof String
          ? s.typeName() + " ('" + t + "')"
          : s.typeName() + " (" + t + ")";
    }
    return n.typeName();
  }

  static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 40 ? one.substring(0, 37) + "..." : one;
  }
}

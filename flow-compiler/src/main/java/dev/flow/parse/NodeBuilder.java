package dev.flow.parse;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/** Builds one document's node tree from parser tokens, enforcing depth and alias limits. */
final class NodeBuilder {

  /** A problem that stops reading. */
  static final class Fatal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    Fatal(Problem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  /**
   * Numbers that YAML 1.1 reads differently from how people mean them: {@code 0123} (octal 83) and
   * {@code 1_000}. They stay text, so zip codes and ids keep their digits.
   */
  private static final java.util.regex.Pattern AMBIGUOUS_NUMBER =
      java.util.regex.Pattern.compile("[-+]?0[0-9_]+|.*_.*");

  private final YamlReader.Limits limits;
  final String text;
  final String source;
  final List<Problem> problems;
  final Map<String, Node> anchors = new HashMap<>();
  final Map<Node, Long> weights = new IdentityHashMap<>();
  final java.util.Set<String> open = new java.util.HashSet<>();
  EventYamlFactory.EventParser parser;
  long expanded;
  int aliases;

  NodeBuilder(YamlReader.Limits limits, String text, String source, List<Problem> problems) {
    this.limits = limits;
    this.text = text;
    this.source = source;
    this.problems = problems;
  }

  EventYamlFactory.EventParser open() throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Math.max(limits.maxBytes(), 1) + 1024);
    options.setNestingDepthLimit(limits.maxDepth() * 2 + 16);
    options.setMaxAliasesForCollections(limits.maxAliases());
    EventYamlFactory f = new EventYamlFactory(options);
    f.setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth() * 2 + 16).build());
    return (EventYamlFactory.EventParser) f.createParser(new StringReader(text));
  }

  Location here() {
    Event e = parser.event();
    return e == null ? new Location(source, 1, 1) : at(e.getStartMark());
  }

  Location at(Mark m) {
    return new Location(source, m.getLine() + 1, m.getColumn() + 1);
  }

  Node value(JsonToken t, int depth) throws IOException {
    if (parser.isCurrentAlias()) {
      return alias();
    }
    String anchor = parser.event() instanceof NodeEvent ne ? ne.getAnchor() : null;
    long before = expanded;
    Node node;
    if (anchor != null) {
      open.add(anchor);
    }
    switch (t) {
      case START_OBJECT -> node = mapping(depth);
      case START_ARRAY -> node = list(depth);
      default -> node = scalar(t);
    }
    expanded++;
    if (anchor != null) {
      open.remove(anchor);
      anchors.put(anchor, node);
      weights.put(node, expanded - before);
    }
    return node;
  }

  Node alias() {
    Location where = here();
    String name = parser.event() instanceof NodeEvent ne ? ne.getAnchor() : text();
    Node target = anchors.get(name);
    if (target == null && open.contains(name)) {
      throw new Fatal(
          Problem.error(
              where, null, "alias '*" + name + "' is used inside its own anchor '&" + name + "'"));
    }
    if (target == null) {
      throw new Fatal(
          Problem.error(where, null, "alias '*" + name + "' refers to no anchor '&" + name + "'"));
    }
    if (++aliases > limits.maxAliases()) {
      throw new Fatal(
          Problem.error(
              where,
              null,
              "the document uses more than " + limits.maxAliases() + " aliases ('*name')"));
    }
    expanded += weights.getOrDefault(target, 1L);
    if (expanded > limits.maxExpandedNodes()) {
      throw new Fatal(
          Problem.error(
              where,
              null,
              "aliases expand the document to more than " + limits.maxExpandedNodes() + " values"));
    }
    return target;
  }

  private String text() {
    try {
      return parser.getText();
    } catch (IOException e) {
      return "?";
    }
  }

  void checkDepth(int depth, Location where) {
    if (depth > limits.maxDepth()) {
      throw new Fatal(
          Problem.error(
              where,
              null,
              "the document is nested more than " + limits.maxDepth() + " levels deep"));
    }
  }

  Node.MapNode mapping(int depth) throws IOException {
    Location start = here();
    checkDepth(depth, start);
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, Location> keys = new LinkedHashMap<>();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
      String key = parser.currentName();
      Location keyAt = here();
      Node v = value(parser.nextToken(), depth + 1);
      Location first = keys.get(key);
      if (first != null) {
        problems.add(
            Problem.error(
                keyAt,
                null,
                "duplicate key '" + key + "'; it is already set on line " + first.line()));
      } else {
        entries.put(key, v);
        keys.put(key, keyAt);
      }
    }
    return new Node.MapNode(entries, keys, start);
  }

  Node.ListNode list(int depth) throws IOException {
    Location start = here();
    checkDepth(depth, start);
    List<Node> items = new ArrayList<>();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      items.add(value(t, depth + 1));
    }
    return new Node.ListNode(items, start);
  }

  Node.ScalarNode scalar(JsonToken t) throws IOException {
    Location at = here();
    Node.ScalarNode.Style style = style(parser.event());
    if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)
        && parser.event() instanceof ScalarEvent e
        && AMBIGUOUS_NUMBER.matcher(e.getValue()).matches()) {
      return new Node.ScalarNode(e.getValue(), at, style, false);
    }
    Object v =
        switch (t) {
          case VALUE_NULL -> null;
          case VALUE_TRUE -> Boolean.TRUE;
          case VALUE_FALSE -> Boolean.FALSE;
          case VALUE_NUMBER_INT -> integer(parser.getNumberValue());
          case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
          case VALUE_STRING -> parser.getText();
          default -> String.valueOf(parser.getText());
        };
    return new Node.ScalarNode(v, at, style, false);
  }

  private static Object integer(Number n) {
    if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    return n.longValue();
  }

  private static Node.ScalarNode.Style style(Event e) {
    if (!(e instanceof ScalarEvent s) || s.getScalarStyle() == null) {
      return Node.ScalarNode.Style.PLAIN;
    }
    return switch (s.getScalarStyle()) {
      case SINGLE_QUOTED -> Node.ScalarNode.Style.SINGLE_QUOTED;
      case DOUBLE_QUOTED -> Node.ScalarNode.Style.DOUBLE_QUOTED;
      case LITERAL -> Node.ScalarNode.Style.LITERAL;
      case FOLDED -> Node.ScalarNode.Style.FOLDED;
      default -> Node.ScalarNode.Style.PLAIN;
    };
  }
}

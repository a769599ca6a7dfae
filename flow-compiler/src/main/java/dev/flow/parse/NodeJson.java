package dev.flow.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.model.Node;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts located {@link Node} trees to Jackson JSON trees. */
public final class NodeJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private NodeJson() {}

  /** The JSON form of {@code node}, keeping YAML's types (numbers, booleans, null). */
  public static JsonNode toJson(Node node) {
    if (node instanceof Node.MapNode m) {
      ObjectNode o = F.objectNode();
      m.entries().forEach((k, v) -> o.set(k, toJson(v)));
      return o;
    }
    if (node instanceof Node.ListNode l) {
      ArrayNode a = F.arrayNode();
      l.items().forEach(i -> a.add(toJson(i)));
      return a;
    }
    Object v = ((Node.ScalarNode) node).value();
    if (v == null) {
      return F.nullNode();
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Long l) {
      return F.numberNode(l);
    }
    if (v instanceof BigInteger b) {
      return F.numberNode(b);
    }
    if (v instanceof Double d) {
      return F.numberNode(d);
    }
    if (v instanceof BigDecimal d) {
      return F.numberNode(d);
    }
    return F.textNode(v.toString());
  }
}

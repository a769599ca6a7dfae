package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Path operations on a payload held as a Jackson tree (records built from an ObjectNode). */
final class TreeOps {
  private TreeOps() {}

  static JsonNode get(ObjectNode root, FieldPath path) {
    JsonNode cur = root;
    for (int i = 0; i < path.length(); i++) {
      if (cur == null || !cur.isObject()) {
        return null;
      }
      cur = cur.get(path.segment(i));
    }
    return cur;
  }

  static void set(ObjectNode root, FieldPath path, JsonNode value) {
    ObjectNode cur = root;
    for (int i = 0; i < path.length() - 1; i++) {
      JsonNode next = cur.get(path.segment(i));
      cur = next != null && next.isObject() ? (ObjectNode) next : cur.putObject(path.segment(i));
    }
    cur.set(path.leaf(), value);
  }

  static JsonNode remove(ObjectNode root, FieldPath path) {
    JsonNode cur = root;
    for (int i = 0; i < path.length() - 1; i++) {
      cur = cur.get(path.segment(i));
      if (cur == null || !cur.isObject()) {
        return null;
      }
    }
    return ((ObjectNode) cur).remove(path.leaf());
  }
}

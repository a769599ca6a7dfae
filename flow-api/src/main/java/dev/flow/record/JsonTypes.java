package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schema type names of JSON values, and the fields a set of JSON objects all have. */
public final class JsonTypes {
  private JsonTypes() {}

  /** The JSON Schema type of {@code v}: string, integer, number, boolean, object, array, null. */
  public static String of(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    return v.isArray() ? "array" : v.isObject() ? "object" : "string";
  }

  /**
   * The dotted paths that every one of {@code records} has, nested objects included, each with its
   * type, or null when the records disagree on it. Records that are not objects share no field.
   */
  public static Map<String, String> commonFields(List<JsonNode> records) {
    Map<String, String> common = null;
    for (JsonNode r : records) {
      Map<String, String> fields = new LinkedHashMap<>();
      collect(r, "", fields);
      if (common == null) {
        common = fields;
      } else {
        Map<String, String> next = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : common.entrySet()) {
          if (fields.containsKey(e.getKey())) {
            String t = fields.get(e.getKey());
            next.put(e.getKey(), t != null && t.equals(e.getValue()) ? t : null);
          }
        }
        common = next;
      }
    }
    return common == null ? Map.of() : common;
  }

  private static void collect(JsonNode node, String prefix, Map<String, String> out) {
    if (node == null || !node.isObject()) {
      return;
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
      String name = it.next();
      String path = prefix + name;
      JsonNode v = node.get(name);
      out.put(path, of(v));
      collect(v, path + ".", out);
    }
  }
}

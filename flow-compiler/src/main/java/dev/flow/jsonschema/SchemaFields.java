package dev.flow.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a JSON Schema requires: each required property as a dotted path, nested objects
 * included when their parent is required, with the JSON type the schema gives it (null when it
 * gives none or several).
 */
public final class SchemaFields {
  private SchemaFields() {}

  /** Required paths to their type, in the schema's order. */
  public static Map<String, String> required(JsonNode schema) {
    Map<String, String> out = new LinkedHashMap<>();
    collect(schema, "", out, 0);
    return out;
  }

  /** The single type the schema gives a value, or null. */
  public static String type(JsonNode schema) {
    JsonNode t = schema == null ? null : schema.get("type");
    if (t != null && t.isTextual()) {
      return t.asText();
    }
    if (t != null && t.isArray() && t.size() == 1 && t.get(0).isTextual()) {
      return t.get(0).asText();
    }
    return null;
  }

  /** True when a value of JSON type {@code actual} satisfies the schema type {@code wanted}. */
  public static boolean compatible(String actual, String wanted) {
    return actual == null
        || wanted == null
        || actual.equals(wanted)
        || actual.equals("integer") && wanted.equals("number");
  }

  private static void collect(JsonNode schema, String prefix, Map<String, String> out, int depth) {
    if (schema == null || !schema.isObject() || depth > 16) {
      return;
    }
    JsonNode props = schema.path("properties");
    JsonNode req = schema.get("required");
    if (req == null || !req.isArray()) {
      return;
    }
    for (JsonNode r : req) {
      if (!r.isTextual()) {
        continue;
      }
      String path = prefix + r.asText();
      JsonNode p = props.get(r.asText());
      out.put(path, type(p));
      collect(p, path + ".", out, depth + 1);
    }
  }
}

package dev.flow.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.flow.record.Json;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between JSON and CEL values. JSON integers become {@code long} (a larger integer becomes
 * a {@code double}), other numbers {@code double}, null {@link NullValue}, arrays lists and objects
 * maps. Results convert back to plain Java values or JSON; timestamps and durations become strings.
 */
final class CelValues {
  private CelValues() {}

  /** The CEL value of a JSON value; {@code node} must not be null. */
  static Object fromJson(JsonNode node) {
    // The common scalar node classes first: exact class checks are the cheapest dispatch.
    if (node instanceof TextNode) {
      return node.textValue();
    }
    if (node instanceof IntNode || node instanceof LongNode) {
      return node.longValue();
    }
    if (node instanceof DoubleNode) {
      return node.doubleValue();
    }
    switch (node.getNodeType()) {
      case STRING:
        return node.textValue();
      case NUMBER:
        if (node.isIntegralNumber()) {
          if (node.canConvertToLong()) {
            return node.longValue();
          }
          return node.bigIntegerValue().doubleValue();
        }
        return node.doubleValue();
      case BOOLEAN:
        return node.booleanValue();
      case NULL:
      case MISSING:
        return NullValue.NULL_VALUE;
      case ARRAY:
        {
          List<Object> list = new ArrayList<>(node.size());
          for (JsonNode e : node) {
            list.add(fromJson(e));
          }
          return list;
        }
      case OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
          Iterator<Map.Entry<String, JsonNode>> it = node.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> en = it.next();
            map.put(en.getKey(), fromJson(en.getValue()));
          }
          return map;
        }
      case BINARY:
        try {
          return CelByteString.of(node.binaryValue());
        } catch (java.io.IOException e) {
          throw new EvaluationException("unreadable binary value", e);
        }
      default:
        return fromJson(Json.MAPPER.valueToTree(node));
    }
  }

  /** The CEL value of a plain Java value or JSON node given as a variable. */
  static Object fromJava(Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof JsonNode n) {
      return fromJson(n);
    }
    if (value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return fromJson(Json.MAPPER.valueToTree(value));
  }

  /** A CEL result as null, Boolean, Long, Double, String, List or Map. */
  static Object toJava(Object v) {
    if (v == null || v instanceof NullValue) {
      return null;
    }
    if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(keyString(e.getKey()), toJava(e.getValue()));
      }
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object e : c) {
        out.add(toJava(e));
      }
      return out;
    }
    if (v instanceof Optional<?> o) {
      return o.isPresent() ? toJava(o.get()) : null;
    }
    if (v instanceof UnsignedLong u) {
      return u.compareTo(UnsignedLong.valueOf(Long.MAX_VALUE)) <= 0
          ? (Object) u.longValue()
          : (Object) u.doubleValue();
    }
    if (v instanceof Number n) {
      return n instanceof BigInteger || n instanceof Integer ? (Object) n.longValue() : n;
    }
    return scalarString(v);
  }

  /** A CEL result as JSON. */
  static JsonNode toJson(Object v) {
    if (v == null || v instanceof NullValue) {
      return Json.NODES.nullNode();
    }
    if (v instanceof String s) {
      return Json.NODES.textNode(s);
    }
    if (v instanceof Long l) {
      // Ints that fit are written as Jackson writes parsed ones, so equal JSON compares equal.
      long x = l;
      return x == (int) x ? Json.NODES.numberNode((int) x) : Json.NODES.numberNode(x);
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new EvaluationException("the result is " + d + ", which JSON cannot hold");
      }
      return Json.NODES.numberNode(d);
    }
    if (v instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = Json.NODES.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        o.set(keyString(e.getKey()), toJson(e.getValue()));
      }
      return o;
    }
    if (v instanceof Collection<?> c) {
      ArrayNode a = Json.NODES.arrayNode(c.size());
      for (Object e : c) {
        a.add(toJson(e));
      }
      return a;
    }
    Object plain = toJava(v);
    return plain instanceof String s ? Json.NODES.textNode(s) : toJson(plain);
  }

  /** The text a template writes for a value: strings bare, null empty, the rest as JSON. */
  static String toText(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v == null || v instanceof NullValue) {
      return "";
    }
    JsonNode n = toJson(v);
    return n.isTextual() ? n.textValue() : n.toString();
  }

  /** Names the CEL type of a runtime value for error messages. */
  static String describe(Object v) {
    if (v == null || v instanceof NullValue) {
      return "null";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Long) {
      return "an int";
    }
    if (v instanceof Double) {
      return "a double";
    }
    if (v instanceof Map) {
      return "a map";
    }
    if (v instanceof Collection) {
      return "a list";
    }
    if (v instanceof Instant) {
      return "a timestamp";
    }
    if (v instanceof Duration) {
      return "a duration";
    }
    return v.getClass().getSimpleName();
  }

  private static String keyString(Object key) {
    return key instanceof String s ? s : String.valueOf(toJava(key));
  }

  private static String scalarString(Object v) {
    if (v instanceof Instant i) {
      return i.toString();
    }
    if (v instanceof Duration d) {
      return durationString(d);
    }
    if (v instanceof CelByteString b) {
      return Base64.getEncoder().encodeToString(b.toByteArray());
    }
    if (v instanceof com.google.protobuf.ByteString b) {
      return Base64.getEncoder().encodeToString(b.toByteArray());
    }
    if (v instanceof CelType t) {
      return t.name();
    }
    return String.valueOf(v);
  }

  /** A duration the way CEL's string() writes it: seconds with a fraction, e.g. {@code 1.5s}. */
  static String durationString(Duration d) {
    java.math.BigDecimal s =
        java.math.BigDecimal.valueOf(d.getSeconds())
            .add(java.math.BigDecimal.valueOf(d.getNano(), 9));
    return s.stripTrailingZeros().toPlainString() + "s";
  }
}

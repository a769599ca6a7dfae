package dev.flow.validate;

import dev.flow.model.Node;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Facts about prop types and nodes that binding, the schema and the docs share. */
final class PropTypes {

  private PropTypes() {}

  /**
   * True for a record of props; nodes are records too, but are passed through raw, and a scalar
   * value type that is a record ({@link dev.flow.spi.DataSize}) is bound from its text.
   */
  static boolean isOptionsRecord(Class<?> raw) {
    return raw.isRecord() && !Node.class.isAssignableFrom(raw) && !Scalars.handles(raw);
  }

  /** What a scalar type expects, in words. */
  static String expected(Class<?> raw) {
    if (raw == String.class) {
      return "a string";
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return "a whole number";
    }
    if (raw == double.class || raw == Double.class) {
      return "a number";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true or false";
    }
    if (raw == java.time.Duration.class) {
      return Scalars.DURATION;
    }
    if (raw == java.time.Instant.class) {
      return "epoch milliseconds or an ISO-8601 instant";
    }
    if (raw == dev.flow.spi.DataSize.class) {
      return "a size such as 64kb, 128mb or 1gb";
    }
    if (raw == dev.flow.record.FieldPath.class) {
      return "a field path such as customer.address.city";
    }
    if (raw == java.util.regex.Pattern.class) {
      return "a regular expression";
    }
    if (raw.isEnum()) {
      return "one of " + String.join(", ", Scalars.enumNames(raw));
    }
    return "a value";
  }

  /** The node's type for messages, with its value unless it is secret. */
  static String found(Node node, boolean secret) {
    if (node instanceof Node.ScalarNode s && !s.isNull() && !secret && !s.secret()) {
      String t = s.text().replace("\n", "\\n");
      t = t.length() > 40 ? t.substring(0, 37) + "..." : t;
      return s.value() instanceof String
          ? s.typeName() + " ('" + t + "')"
          : s.typeName() + " (" + t + ")";
    }
    return node.typeName();
  }

  static Object zero(Class<?> primitive) {
    if (primitive == boolean.class) {
      return false;
    }
    if (primitive == long.class) {
      return 0L;
    }
    if (primitive == double.class) {
      return 0.0;
    }
    if (primitive == float.class) {
      return 0f;
    }
    return 0;
  }

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  static Type typeArgument(Type type, int i) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      Type t = p.getActualTypeArguments()[i];
      if (t instanceof java.lang.reflect.WildcardType w) {
        return w.getUpperBounds()[0];
      }
      return t;
    }
    return String.class;
  }
}

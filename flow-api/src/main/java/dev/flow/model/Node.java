package dev.flow.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable YAML/JSON value that remembers where it was written. Props and settings are kept as
 * nodes so that every error can point at the exact line and column.
 */
public sealed interface Node extends java.io.Serializable
    permits Node.MapNode, Node.ListNode, Node.ScalarNode {

  /** Where this node starts in its source file. */
  Location location();

  /** A short name for the node's type, as used in messages: "a mapping", "a list", "a string". */
  String typeName();

  /** A mapping with string keys, in source order; each key keeps its own location. */
  record MapNode(Map<String, Node> entries, Map<String, Location> keyLocations, Location location)
      implements Node {
    public MapNode {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    public Node get(String key) {
      return entries.get(key);
    }

    /** The location of the key, falling back to the value's or the mapping's location. */
    public Location keyLocation(String key) {
      Location l = keyLocations.get(key);
      if (l != null) {
        return l;
      }
      Node v = entries.get(key);
      return v != null ? v.location() : location;
    }

    @Override
    public String typeName() {
      return "a mapping";
    }
  }

  /** A sequence of nodes. */
  record ListNode(List<Node> items, Location location) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String typeName() {
      return "a list";
    }
  }

  /**
   * A scalar. {@code value} is a {@link String}, {@link Long}, {@link java.math.BigInteger}, {@link
   * Double}, {@link java.math.BigDecimal}, {@link Boolean} or {@code null}, as YAML typed it.
   *
   * @param value the typed value
   * @param location where the value starts (for a quoted scalar, at the opening quote)
   * @param style how it was written, which tells how column offsets inside it map to the file
   * @param secret true when the value came from a secret parameter and must never be shown
   */
  record ScalarNode(Object value, Location location, Style style, boolean secret) implements Node {

    /** How a scalar was written in the source. */
    public enum Style {
      PLAIN,
      SINGLE_QUOTED,
      DOUBLE_QUOTED,
      LITERAL,
      FOLDED,
      /** Created by the tool, or the text was changed by parameter substitution. */
      SYNTHETIC
    }

    public ScalarNode(Object value, Location location) {
      this(value, location, Style.PLAIN, false);
    }

    public boolean isNull() {
      return value == null;
    }

    /** The value as text, as a user would write it ({@code null} for null). */
    public String text() {
      return value == null ? null : value.toString();
    }

    /**
     * The location of character {@code offset} of the text, on the first line of a one-line scalar.
     */
    public Location locationOf(int offset) {
      return switch (style) {
        case PLAIN -> location.shift(offset);
        case SINGLE_QUOTED, DOUBLE_QUOTED -> location.shift(offset + 1);
        default -> location;
      };
    }

    @Override
    public String typeName() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "a string";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      return "a number";
    }

    @Override
    public String toString() {
      return secret ? "******" : String.valueOf(value);
    }
  }
}

package dev.flow.record;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path to a field inside a record, written with dots: {@code customer.address.city}. A dot inside
 * a field name is escaped with a backslash: {@code headers.content\.type}.
 */
public final class FieldPath implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] segments;
  private final String text;

  /** Each segment's UTF-8 bytes and hash, computed on first use to match raw JSON names. */
  private transient Encoded encoded;

  /** Final fields, so a path shared between threads is always seen fully built. */
  private record Encoded(byte[][] utf8, int[] hashes) {}

  private FieldPath(String[] segments, String text) {
    this.segments = segments;
    this.text = text;
  }

  /** Parses a dotted path; throws {@link IllegalArgumentException} with a readable message. */
  public static FieldPath parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a field path must not be empty");
    }
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '.') {
        cur.append('.');
        i++;
      } else if (c == '.') {
        if (cur.length() == 0) {
          throw new IllegalArgumentException("field path '" + text + "' has an empty segment");
        }
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (cur.length() == 0) {
      throw new IllegalArgumentException("field path '" + text + "' has an empty segment");
    }
    parts.add(cur.toString());
    return new FieldPath(parts.toArray(new String[0]), text);
  }

  /** A path of exactly these segments (no escaping is interpreted). */
  public static FieldPath of(String... segments) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(s.replace(".", "\\."));
    }
    return new FieldPath(segments.clone(), b.toString());
  }

  public int length() {
    return segments.length;
  }

  public String segment(int i) {
    return segments[i];
  }

  /** The UTF-8 bytes of segment {@code i}. */
  byte[] utf8(int i) {
    return encoded().utf8[i];
  }

  /** The {@link ObjectIndex#hash} of segment {@code i}'s UTF-8 bytes. */
  int hash(int i) {
    return encoded().hashes[i];
  }

  private Encoded encoded() {
    Encoded e = encoded;
    if (e != null) {
      return e;
    }
    byte[][] bytes = new byte[segments.length][];
    int[] h = new int[segments.length];
    for (int i = 0; i < segments.length; i++) {
      bytes[i] = segments[i].getBytes(StandardCharsets.UTF_8);
      h[i] = ObjectIndex.hash(bytes[i], 0, bytes[i].length);
    }
    e = new Encoded(bytes, h);
    encoded = e;
    return e;
  }

  /** The first segment: the top-level field this path lives under. */
  public String head() {
    return segments[0];
  }

  /** The last segment: the field's own name. */
  public String leaf() {
    return segments[segments.length - 1];
  }

  public boolean isTopLevel() {
    return segments.length == 1;
  }

  /** True when {@code other} equals this path or lies under it. */
  public boolean covers(FieldPath other) {
    if (other.segments.length < segments.length) {
      return false;
    }
    for (int i = 0; i < segments.length; i++) {
      if (!segments[i].equals(other.segments[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath p && Arrays.equals(segments, p.segments);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(segments);
  }

  @Override
  public String toString() {
    return text;
  }
}

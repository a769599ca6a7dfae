package dev.flow.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The query string of a request, built parameter by parameter; null values are left out. */
public final class Query {
  private final List<String> pairs = new ArrayList<>();

  private Query() {}

  public static Query of() {
    return new Query();
  }

  /** Adds {@code name=value} unless the value is null. */
  public Query add(String name, Object value) {
    if (value != null) {
      pairs.add(encode(name) + "=" + encode(String.valueOf(value)));
    }
    return this;
  }

  /** Adds {@code name=value} once per value. */
  public Query addAll(String name, Iterable<?> values) {
    if (values != null) {
      values.forEach(v -> add(name, v));
    }
    return this;
  }

  /** Adds {@code name=key=value} once per entry, as label filters are written. */
  public Query addEntries(String name, Map<String, String> entries) {
    if (entries != null) {
      entries.forEach((k, v) -> add(name, k + "=" + v));
    }
    return this;
  }

  /** The query string with its leading {@code ?}, or the empty string. */
  @Override
  public String toString() {
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  /** One path segment or query part, percent-encoded (a space as {@code %20}). */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

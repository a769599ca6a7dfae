package dev.flow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the records a stage output with the expected ones, as JSON values (numbers by value),
 * and describes the difference: missing records, unexpected records, and records with changed
 * fields.
 */
public final class RecordDiff {
  private static final Comparator<JsonNode> BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
      };

  private RecordDiff() {}

  /** True when the two JSON values are equal, numbers compared by value. */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return BY_VALUE.compare(a, b) == 0;
    }
    return a.equals(BY_VALUE, b);
  }

  /**
   * The lines describing how {@code actual} differs from {@code expected}; empty when they match.
   * Unordered, each actual record matches at most one expected record.
   */
  public static List<String> diff(List<JsonNode> expected, List<JsonNode> actual, boolean ordered) {
    List<String> lines = new ArrayList<>();
    if (ordered) {
      int n = Math.max(expected.size(), actual.size());
      for (int i = 0; i < n; i++) {
        JsonNode e = i < expected.size() ? expected.get(i) : null;
        JsonNode a = i < actual.size() ? actual.get(i) : null;
        if (a == null) {
          lines.add("missing:    " + e + "  (record " + (i + 1) + ")");
        } else if (e == null) {
          lines.add("unexpected: " + a + "  (record " + (i + 1) + ")");
        } else if (!same(e, a)) {
          changed(lines, e, a, " (record " + (i + 1) + ")");
        }
      }
      return lines;
    }
    List<JsonNode> missing = new ArrayList<>(expected);
    List<JsonNode> extra = new ArrayList<>(actual);
    for (Iterator<JsonNode> it = missing.iterator(); it.hasNext(); ) {
      JsonNode e = it.next();
      for (int j = 0; j < extra.size(); j++) {
        if (same(e, extra.get(j))) {
          extra.remove(j);
          it.remove();
          break;
        }
      }
    }
    List<String> changed = new ArrayList<>();
    for (Iterator<JsonNode> it = missing.iterator(); it.hasNext(); ) {
      JsonNode e = it.next();
      // A record is "changed" when it agrees with one on at least half its fields.
      int best = -1;
      int bestScore = Math.max(1, (e.size() + 1) / 2) - 1;
      for (int j = 0; j < extra.size(); j++) {
        int score = sameFields(e, extra.get(j));
        if (score > bestScore) {
          best = j;
          bestScore = score;
        }
      }
      if (best >= 0) {
        changed(changed, e, extra.remove(best), "");
        it.remove();
      }
    }
    missing.forEach(e -> lines.add("missing:    " + e));
    extra.forEach(a -> lines.add("unexpected: " + a));
    lines.addAll(changed);
    return lines;
  }

  private static void changed(List<String> lines, JsonNode expected, JsonNode actual, String at) {
    lines.add("changed:    " + expected + at);
    List<String> fields = new ArrayList<>();
    fields(fields, "", expected, actual);
    fields.forEach(f -> lines.add("    " + f));
  }

  /** One line per differing field, with dotted paths into nested objects. */
  private static void fields(List<String> out, String prefix, JsonNode e, JsonNode a) {
    if (!e.isObject() || !a.isObject()) {
      out.add((prefix.isEmpty() ? "the record" : prefix) + ": expected " + e + ", got " + a);
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    e.fieldNames().forEachRemaining(names::add);
    a.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      JsonNode ev = e.get(name);
      JsonNode av = a.get(name);
      if (av == null) {
        out.add(path + ": missing (expected " + ev + ")");
      } else if (ev == null) {
        out.add(path + ": unexpected (got " + av + ")");
      } else if (!same(ev, av)) {
        if (ev.isObject() && av.isObject()) {
          fields(out, path, ev, av);
        } else {
          out.add(path + ": expected " + ev + ", got " + av);
        }
      }
    }
  }

  /** The number of top-level fields two records agree on. */
  private static int sameFields(JsonNode e, JsonNode a) {
    if (!e.isObject() || !a.isObject()) {
      return 0;
    }
    int n = 0;
    for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode av = a.get(name);
      if (av != null && same(e.get(name), av)) {
        n++;
      }
    }
    return n;
  }
}

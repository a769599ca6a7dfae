package dev.flow.actions.remap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.actions.remap.RemapFieldsOptions.RedactMode;
import dev.flow.record.FieldPath;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The props of a Remap Fields stage, parsed once: paths are {@link FieldPath}s and constant values
 * are JSON trees.
 */
record RemapPlan(
    List<FieldPath> keep,
    List<FieldPath> drop,
    List<FieldPath> redact,
    String redactWith,
    RedactMode redactMode,
    List<FieldPath> renameFrom,
    List<FieldPath> renameTo,
    List<FieldPath> setPaths,
    List<JsonNode> setValues,
    boolean strict)
    implements Serializable {

  /**
   * Parses the options; throws {@link IllegalArgumentException} whose message starts with the prop
   * name, e.g. {@code rename: field path 'a..b' has an empty segment}.
   */
  static RemapPlan of(RemapFieldsOptions o) {
    List<FieldPath> keep = paths("keep", o.keep());
    List<FieldPath> from = new ArrayList<>();
    List<FieldPath> to = new ArrayList<>();
    if (o.rename() != null) {
      for (Map.Entry<String, String> e : o.rename().entrySet()) {
        from.add(path("rename", e.getKey()));
        to.add(path("rename", e.getValue()));
      }
    }
    List<FieldPath> drop = paths("drop", o.drop());
    List<FieldPath> redact = paths("redact", o.redact());
    for (FieldPath r : redact) {
      unreachable("redact", r, keep, drop);
    }
    for (FieldPath f : from) {
      unreachable("rename", f, keep, drop);
    }
    List<FieldPath> setPaths = new ArrayList<>();
    List<JsonNode> setValues = new ArrayList<>();
    if (o.set() != null) {
      for (Map.Entry<String, JsonNode> e : o.set().entrySet()) {
        setPaths.add(path("set", e.getKey()));
        setValues.add(e.getValue() == null ? dev.flow.record.Json.NODES.nullNode() : e.getValue());
      }
    }
    return new RemapPlan(
        keep,
        drop,
        redact,
        o.redactWith() == null ? "***" : o.redactWith(),
        o.redactMode() == null ? RedactMode.MASK : o.redactMode(),
        List.copyOf(from),
        List.copyOf(to),
        List.copyOf(setPaths),
        List.copyOf(setValues),
        o.strict());
  }

  /** Fails when keep or drop removes {@code p} before {@code prop} could see it. */
  private static void unreachable(
      String prop, FieldPath p, List<FieldPath> keep, List<FieldPath> drop) {
    if (!keep.isEmpty() && keep.stream().noneMatch(k -> k.covers(p) || p.covers(k))) {
      throw new IllegalArgumentException(
          prop + ": field '" + p + "' is not kept by keep, so it can never be " + verb(prop));
    }
    for (FieldPath d : drop) {
      if (d.covers(p)) {
        throw new IllegalArgumentException(
            prop
                + ": field '"
                + p
                + "' is removed by drop first, so it can never be "
                + verb(prop));
      }
    }
  }

  private static String verb(String prop) {
    return prop.equals("rename") ? "renamed" : "redacted";
  }

  private static List<FieldPath> paths(String prop, List<String> texts) {
    List<FieldPath> out = new ArrayList<>();
    if (texts != null) {
      for (String t : texts) {
        out.add(path(prop, t));
      }
    }
    return List.copyOf(out);
  }

  private static FieldPath path(String prop, String text) {
    try {
      return FieldPath.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prop + ": " + e.getMessage());
    }
  }
}

package dev.flow.actions.remap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.actions.remap.RemapFieldsOptions.RedactMode;
import dev.flow.record.FieldPath;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The props of a Remap Fields stage in the order they apply: paths are {@link FieldPath}s and
 * constant values are JSON trees.
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
   * The plan of the options, whose paths the binder has parsed; throws {@link
   * IllegalArgumentException} whose message starts with the prop name when a path can never be
   * reached, e.g. {@code rename: field 'a' is not kept by keep, so it can never be renamed}.
   */
  static RemapPlan of(RemapFieldsOptions o) {
    List<FieldPath> keep = paths(o.keep());
    List<FieldPath> from = new ArrayList<>();
    List<FieldPath> to = new ArrayList<>();
    if (o.rename() != null) {
      for (Map.Entry<FieldPath, FieldPath> e : o.rename().entrySet()) {
        from.add(e.getKey());
        to.add(e.getValue());
      }
    }
    List<FieldPath> drop = paths(o.drop());
    List<FieldPath> redact = paths(o.redact());
    for (FieldPath r : redact) {
      unreachable("redact", r, keep, drop);
    }
    for (FieldPath f : from) {
      unreachable("rename", f, keep, drop);
    }
    List<FieldPath> setPaths = new ArrayList<>();
    List<JsonNode> setValues = new ArrayList<>();
    if (o.set() != null) {
      for (Map.Entry<FieldPath, JsonNode> e : o.set().entrySet()) {
        setPaths.add(e.getKey());
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

  private static List<FieldPath> paths(List<FieldPath> paths) {
    return paths == null ? List.of() : List.copyOf(paths);
  }
}

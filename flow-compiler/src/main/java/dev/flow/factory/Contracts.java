package dev.flow.factory;

import dev.flow.jsonschema.CompiledSchema;
import dev.flow.jsonschema.SchemaFields;
import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.spi.StageKind;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the data contract on each data edge: when the reading trigger, or the stage right after
 * it, declares an {@code expectedInput}, every field the schema requires must be proven on what the
 * upstream publisher writes. A field upstream drops or never sets is an error in both flow files; a
 * field of the wrong type too; a field that cannot be proven either way is a warning.
 */
final class Contracts {
  private Contracts() {}

  static void check(List<FactoryFlow> flows, List<FactoryEdge> edges, List<Problem> problems) {
    Map<Integer, FieldShapes> shapes = new LinkedHashMap<>();
    for (FactoryEdge e : edges) {
      if (e.kind() != FactoryEdge.Kind.DATA) {
        continue;
      }
      FactoryFlow up = flows.get(e.from());
      FactoryFlow down = flows.get(e.to());
      FieldShapes shape = shapes.computeIfAbsent(e.from(), i -> new FieldShapes(up.flow()));
      for (ResolvedStage checker : checkers(down.flow(), e.reader())) {
        Map<String, String> required;
        try {
          required = SchemaFields.required(CompiledSchema.node(checker.expectedInput().ref()));
        } catch (IllegalArgumentException ex) {
          continue; // the flow's own validation reports it
        }
        Location at = expectedAt(checker);
        required.forEach(
            (path, type) -> field(up, down, e, checker, at, path, type, shape, problems));
      }
    }
  }

  /** Per publisher of a valid flow, the fields proven on what it writes. */
  static Map<String, List<String>> written(FactoryFlow f) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (!f.valid()) {
      return out;
    }
    FieldShapes shape = new FieldShapes(f.flow());
    for (ResolvedStage s : f.flow().stages()) {
      if (s.kind() == StageKind.PUBLISHER) {
        out.put(s.name(), shape.written(s.name()));
      }
    }
    return out;
  }

  private static void field(
      FactoryFlow up,
      FactoryFlow down,
      FactoryEdge e,
      ResolvedStage checker,
      Location at,
      String path,
      String type,
      FieldShapes shape,
      List<Problem> problems) {
    Presence p = shape.at(e.writer(), path);
    String what = "field '" + path + "'";
    String via = " (" + e.resource().label() + ")";
    switch (p.state()) {
      case ABSENT -> {
        String cause = cause(p, up);
        problems.add(
            Problem.error(
                at,
                checker.name(),
                "expectedInput requires "
                    + what
                    + ", but flow '"
                    + up.name()
                    + "' "
                    + cause
                    + via));
        problems.add(
            Problem.error(
                p.stage() != null ? p.stage().def().location() : up.flow().def().location(),
                p.stage() != null ? p.stage().name() : null,
                upstream(p.reason(), what)
                    + ", which flow '"
                    + down.name()
                    + "' requires at "
                    + at
                    + via));
      }
      case UNKNOWN ->
          problems.add(
              Problem.warning(
                  at,
                  checker.name(),
                  "cannot prove that flow '"
                      + up.name()
                      + "' sets required "
                      + what
                      + via
                      + (p.stage() == null
                          ? ""
                          : ": its stage '"
                              + p.stage().name()
                              + "' ("
                              + p.stage().factory().name()
                              + ") "
                              + p.reason())));
      case PRESENT -> {
        if (!SchemaFields.compatible(p.type(), type)) {
          problems.add(
              Problem.error(
                  at,
                  checker.name(),
                  "expectedInput wants "
                      + what
                      + " to be "
                      + type
                      + ", but flow '"
                      + up.name()
                      + "' sets it as "
                      + p.type()
                      + " at stage '"
                      + p.stage().name()
                      + "'"
                      + via));
          problems.add(
              Problem.error(
                  p.stage().def().location(),
                  p.stage().name(),
                  "sets "
                      + what
                      + " as "
                      + p.type()
                      + "; flow '"
                      + down.name()
                      + "' wants "
                      + type
                      + " at "
                      + at
                      + via));
        }
      }
    }
  }

  private static String cause(Presence p, FactoryFlow up) {
    if (p.stage() == null) {
      return "never sets it";
    }
    String stage = "stage '" + p.stage().name() + "' (" + p.stage().def().location() + ")";
    return switch (p.reason()) {
      case "never sets it" -> "never sets it: " + stage + " emits records without it";
      case "drops it" -> "drops it at " + stage;
      default -> "drops it at " + stage + ", which " + p.reason();
    };
  }

  /** What the upstream stage does to the field, said at that stage. */
  private static String upstream(String reason, String what) {
    return switch (reason) {
      case "never sets it" -> "emits records without " + what;
      case "drops it" -> "drops " + what;
      default ->
          reason.startsWith("renames it")
              ? reason.replace("renames it", "renames " + what)
              : reason + ", and so drops " + what;
    };
  }

  /** The reading stage itself and, when it declares none, the stages right after it. */
  private static List<ResolvedStage> checkers(ValidatedFlow flow, String reader) {
    List<ResolvedStage> out = new ArrayList<>();
    ResolvedStage r = flow.stage(reader);
    if (r == null) {
      return out;
    }
    if (r.expectedInput() != null) {
      out.add(r);
      return out;
    }
    for (ResolvedStage s : flow.stages()) {
      if (s.inputs().contains(reader) && s.expectedInput() != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static Location expectedAt(ResolvedStage s) {
    return s.def().props().get("expectedInput") != null
        ? s.def().props().keyLocation("expectedInput")
        : s.def().location();
  }
}

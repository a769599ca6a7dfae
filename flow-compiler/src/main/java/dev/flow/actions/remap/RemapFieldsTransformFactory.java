package dev.flow.actions.remap;

import dev.flow.record.FieldPath;
import dev.flow.record.JsonTypes;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Remap Fields} transform: keeps, drops, redacts, renames and sets fields, at nested
 * dotted paths, in that order.
 */
public final class RemapFieldsTransformFactory extends RecordTransformFactory<RemapFieldsOptions> {

  @Override
  public String name() {
    return "Remap Fields";
  }

  @Override
  public List<String> aliases() {
    return List.of("Rename Fields", "Remap");
  }

  @Override
  public String description() {
    return "Keeps, drops, redacts, renames and sets fields at nested dotted paths; they apply in"
        + " that order.";
  }

  @Override
  public Class<RemapFieldsOptions> optionsClass() {
    return RemapFieldsOptions.class;
  }

  /** The binder has parsed every path; this checks the paths across props. */
  @Override
  public void validate(RemapFieldsOptions options, ValidationContext ctx) {
    try {
      RemapPlan.of(options);
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage();
      int colon = msg.indexOf(": ");
      ctx.error(msg.substring(0, colon), msg.substring(colon + 2));
    }
  }

  @Override
  public RecordProcessor createProcessor(RemapFieldsOptions options, StageContext ctx) {
    return new RemapProcessor(RemapPlan.of(options));
  }

  /** Keep, drop, rename and set, in the order they apply; redact keeps the field. */
  @Override
  public FieldEffects fields(RemapFieldsOptions o) {
    List<FieldEffects.Step> steps = new ArrayList<>();
    if (o.keep() != null && !o.keep().isEmpty()) {
      steps.add(new FieldEffects.Keep(o.keep().stream().map(FieldPath::toString).toList()));
    }
    if (o.drop() != null) {
      o.drop().forEach(p -> steps.add(new FieldEffects.Remove(p.toString())));
    }
    if (o.rename() != null && !o.rename().isEmpty()) {
      Map<String, String> moves = new LinkedHashMap<>();
      o.rename().forEach((from, to) -> moves.put(from.toString(), to.toString()));
      steps.add(new FieldEffects.Rename(moves));
    }
    if (o.set() != null) {
      o.set().forEach((p, v) -> steps.add(new FieldEffects.Set(p.toString(), JsonTypes.of(v))));
    }
    return new FieldEffects(steps);
  }
}

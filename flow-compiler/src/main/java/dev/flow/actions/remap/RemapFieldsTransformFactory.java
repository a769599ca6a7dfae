package dev.flow.actions.remap;

import dev.flow.record.FieldPath;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.ValidationContext;
import java.util.List;

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

  @Override
  public void validate(RemapFieldsOptions options, ValidationContext ctx) {
    checkPaths("keep", options.keep(), ctx);
    checkPaths("drop", options.drop(), ctx);
    checkPaths("redact", options.redact(), ctx);
    if (options.rename() != null) {
      checkPaths("rename", List.copyOf(options.rename().keySet()), ctx);
      checkPaths("rename", List.copyOf(options.rename().values()), ctx);
    }
    if (options.set() != null) {
      checkPaths("set", List.copyOf(options.set().keySet()), ctx);
    }
    try {
      RemapPlan.of(options);
    } catch (IllegalArgumentException e) {
      // Bad paths were reported above; this reports the checks across props.
      String msg = e.getMessage();
      if (msg.contains("so it can never be")) {
        int colon = msg.indexOf(": ");
        ctx.error(msg.substring(0, colon), msg.substring(colon + 2));
      }
    }
  }

  private static void checkPaths(String prop, List<String> paths, ValidationContext ctx) {
    if (paths == null) {
      return;
    }
    for (String p : paths) {
      try {
        FieldPath.parse(p);
      } catch (IllegalArgumentException e) {
        ctx.error(prop, e.getMessage());
      }
    }
  }

  @Override
  public RecordProcessor createProcessor(RemapFieldsOptions options, StageContext ctx) {
    return new RemapProcessor(RemapPlan.of(options));
  }
}

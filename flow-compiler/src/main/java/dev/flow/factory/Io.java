package dev.flow.factory;

import dev.flow.spi.ActionFactory;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.IoContext;
import dev.flow.spi.Resource;
import dev.flow.spi.StageKind;
import dev.flow.spi.TriggerFactory;
import dev.flow.validate.ResolvedStage;
import dev.flow.validate.ValidatedFlow;
import java.util.ArrayList;
import java.util.List;

/** Asks each stage's action, through the SPI, what it reads, writes and does to fields. */
final class Io {
  private Io() {}

  /** Every resource the stages of a valid flow read and write, the error and runs stages too. */
  static List<Endpoint> endpoints(int index, ValidatedFlow flow) {
    List<ResolvedStage> stages = new ArrayList<>(flow.stages());
    if (flow.errorStage() != null) {
      stages.add(flow.errorStage());
    }
    if (flow.runStage() != null) {
      stages.add(flow.runStage());
    }
    List<Endpoint> out = new ArrayList<>();
    for (ResolvedStage s : stages) {
      IoContext ctx = new IoContext(flow.def().name(), s.name(), flow.settings());
      for (Resource r : io(s, ctx)) {
        out.add(new Endpoint(index, s, r));
      }
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Resource> io(ResolvedStage s, IoContext ctx) {
    try {
      List<Resource> r = ((ActionFactory) s.factory()).io(s.options(), ctx);
      return r == null ? List.of() : r;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static FieldEffects fields(ResolvedStage s) {
    try {
      FieldEffects f = ((ActionFactory) s.factory()).fields(s.options());
      return f == null ? FieldEffects.UNKNOWN : f;
    } catch (RuntimeException e) {
      return FieldEffects.UNKNOWN;
    }
  }

  /** True when every trigger of the flow ends by itself. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static boolean bounded(ValidatedFlow flow) {
    boolean any = false;
    for (ResolvedStage s : flow.stages()) {
      if (s.kind() == StageKind.TRIGGER) {
        any = true;
        if (!((TriggerFactory) s.factory()).isBounded(s.options())) {
          return false;
        }
      }
    }
    return any;
  }
}

package dev.flow.factory;

import dev.flow.model.FactoryDef;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Path;

/**
 * One flow of a factory, read and validated with the factory's parameter sets.
 *
 * @param index the flow's position in the factory file
 * @param entry the entry in the factory file
 * @param file the flow file, resolved against the factory file's folder; null for catalog flows
 * @param flow the validated flow; its problems are located in its own file
 */
public record FactoryFlow(int index, FactoryDef.FlowEntry entry, Path file, ValidatedFlow flow) {

  /** The flow's own name, or the path as written when the file has none. */
  public String name() {
    return flow != null && flow.def() != null && flow.def().name() != null
        ? flow.def().name()
        : entry.written();
  }

  /** True when the flow parsed and validated without errors. */
  public boolean valid() {
    return flow != null && flow.def() != null && !flow.hasErrors();
  }

  /** True when the flow ends by itself (every trigger is bounded), as far as validation tells. */
  public boolean bounded() {
    return valid() && Io.bounded(flow);
  }
}

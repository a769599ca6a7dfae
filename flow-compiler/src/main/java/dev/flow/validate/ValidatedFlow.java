package dev.flow.validate;

import dev.flow.model.FlowDef;
import dev.flow.model.Problem;
import dev.flow.spi.FlowSettings;
import java.util.List;

/**
 * The result of validating a flow: every problem found, and, when there are no errors, the stages
 * resolved and ordered so that each comes after all its inputs.
 *
 * @param def the parsed flow, or null when the file could not be parsed
 * @param settings the bound settings (defaults where absent)
 * @param stages resolved stages in topological order; empty when there are errors
 * @param errorStage the error publisher, resolved; null when there are errors
 * @param problems every error and warning, in file order
 * @param runStage the publisher of run outcomes, resolved; null when runs are not recorded
 */
public record ValidatedFlow(
    FlowDef def,
    FlowSettings settings,
    List<ResolvedStage> stages,
    ResolvedStage errorStage,
    List<Problem> problems,
    ResolvedStage runStage) {

  public ValidatedFlow {
    stages = List.copyOf(stages);
    problems = List.copyOf(problems);
  }

  /** A flow that does not record run outcomes. */
  public ValidatedFlow(
      FlowDef def,
      FlowSettings settings,
      List<ResolvedStage> stages,
      ResolvedStage errorStage,
      List<Problem> problems) {
    this(def, settings, stages, errorStage, problems, null);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public ResolvedStage stage(String name) {
    for (ResolvedStage s : stages) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }
}

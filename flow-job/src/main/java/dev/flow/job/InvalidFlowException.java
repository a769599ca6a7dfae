package dev.flow.job;

import dev.flow.model.Problem;
import dev.flow.validate.ValidatedFlow;
import java.util.stream.Collectors;

/** Thrown by the job entry point when the flow has errors, so nothing is submitted. */
public final class InvalidFlowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The flow's problems, e.g. state of a savepoint it cannot restore, and a closing line. */
  public InvalidFlowException(java.util.List<Problem> problems, String closing) {
    super(
        problems.stream().map(Problem::format).collect(Collectors.joining("\n")) + "\n" + closing);
  }

  public InvalidFlowException(ValidatedFlow flow) {
    super(
        "the flow has errors and was not submitted:\n"
            + flow.problems().stream()
                .filter(Problem::isError)
                .map(Problem::format)
                .collect(Collectors.joining("\n")));
  }
}

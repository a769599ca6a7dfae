package dev.flow.server.deploy.engine;

import dev.flow.model.Problem;
import java.util.List;

/**
 * An engine could not do what was asked: the flow was refused (with located problems), Flink
 * answered with an error, or could not be reached.
 */
public class EngineException extends Exception {
  private final List<Problem> problems;

  public EngineException(String message) {
    this(message, List.of(), null);
  }

  public EngineException(String message, Throwable cause) {
    this(message, List.of(), cause);
  }

  public EngineException(String message, List<Problem> problems) {
    this(message, problems, null);
  }

  private EngineException(String message, List<Problem> problems, Throwable cause) {
    super(message, cause);
    this.problems = List.copyOf(problems);
  }

  /** The located problems of a refused flow; empty for other failures. */
  public List<Problem> problems() {
    return problems;
  }
}

package dev.flow.expr;

/** An expression failed on a record, e.g. a missing field or a type mismatch at run time. */
public class EvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvaluationException(String message) {
    super(message);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.flow.expr;

import java.util.List;

/** An expression that does not compile; each error is located inside the expression's text. */
public class ExpressionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<ExprError> errors;

  public ExpressionException(List<ExprError> errors) {
    super(errors.isEmpty() ? "invalid expression" : errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public List<ExprError> errors() {
    return errors;
  }

  /**
   * One compile error.
   *
   * @param line 1-based line inside the expression text
   * @param column 1-based column inside that line
   * @param message what is wrong, without location prefixes
   */
  public record ExprError(int line, int column, String message) {}
}

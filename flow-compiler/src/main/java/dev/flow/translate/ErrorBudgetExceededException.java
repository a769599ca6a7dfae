package dev.flow.translate;

import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * The flow's error budget ({@code settings.errors.maxCount} / {@code maxRate}) is spent. It fails
 * the job for good: a restart would only spend the budget again on the same broken input.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public final class ErrorBudgetExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ErrorBudgetExceededException(String message) {
    super(message);
  }
}

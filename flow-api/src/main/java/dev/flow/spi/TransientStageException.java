package dev.flow.spi;

/**
 * Thrown by a {@link RecordProcessor} for a failure that may pass when the record is tried again,
 * such as a busy service. By the stage's {@code retry} prop (3 tries in all by default), Flow
 * processes the record again after a backoff; a record that still fails goes to the error stage,
 * the number of tries in its message. I/O failures ({@link java.io.IOException}, timeouts,
 * transient SQL errors) count as transient without it; any other exception is the record's and is
 * not retried.
 */
public class TransientStageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransientStageException(String message) {
    super(message);
  }

  public TransientStageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The message of a failure that still stood after {@code attempts} tries in all: {@code why},
   * followed by {@code " (after N attempts)"} when there was more than one.
   */
  public static String afterAttempts(String why, int attempts) {
    return attempts > 1 ? why + " (after " + attempts + " attempts)" : why;
  }
}

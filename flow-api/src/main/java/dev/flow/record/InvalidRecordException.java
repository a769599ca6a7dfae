package dev.flow.record;

/** Thrown when bytes given as a record are not a JSON object. The message says why. */
public class InvalidRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRecordException(String message) {
    super(message);
  }

  public InvalidRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}

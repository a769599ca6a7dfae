package dev.flow.spi;

/**
 * Thrown by a {@link RecordProcessor} when the failure is not the record's but the stage's, such as
 * a database that stays unreachable after retries: instead of sending the record to the error
 * stage, the job fails (and restarts by its restart strategy) with this message.
 */
public class FatalStageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FatalStageException(String message) {
    super(message);
  }
}

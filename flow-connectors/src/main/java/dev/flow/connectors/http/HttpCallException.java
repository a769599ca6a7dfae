package dev.flow.connectors.http;

/** A call to an HTTP service failed for good: retries exhausted or an answer not worth retrying. */
final class HttpCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpCallException(String message, int status) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The last HTTP status, or 0 when there was no answer (a timeout, a refused connection). */
  int status() {
    return status;
  }
}

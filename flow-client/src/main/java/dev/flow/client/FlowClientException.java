package dev.flow.client;

/** A call to the Flow server that failed: the server could not be reached or did not answer. */
public class FlowClientException extends RuntimeException {
  private final String url;

  public FlowClientException(String url, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
  }

  /** The URL that was tried. */
  public String url() {
    return url;
  }
}

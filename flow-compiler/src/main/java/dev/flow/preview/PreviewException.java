package dev.flow.preview;

/** A preview whose job could not start or failed; the message names the first cause. */
public final class PreviewException extends Exception {
  private static final long serialVersionUID = 1L;

  public PreviewException(String what, Throwable cause) {
    super(what + ": " + rootMessage(cause), cause);
  }

  /** The deepest non-empty message in {@code t}'s causes, with its exception type. */
  static String rootMessage(Throwable t) {
    String best = t.toString();
    Throwable cur = t;
    while (cur != null) {
      if (cur.getMessage() != null && !cur.getMessage().isBlank()) {
        best = cur.getClass().getSimpleName() + ": " + cur.getMessage();
      }
      cur = cur.getCause() == cur ? null : cur.getCause();
    }
    return best;
  }
}

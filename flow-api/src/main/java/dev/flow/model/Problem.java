package dev.flow.model;

/**
 * One thing wrong with a flow, located in its source.
 *
 * @param location file, line and column
 * @param stage the stage it concerns, or {@code null} for the flow as a whole
 * @param action the stage's action, or {@code null}
 * @param severity error or warning
 * @param message what is wrong, in plain words
 * @param hint how to fix it ("did you mean", the known props), or {@code null}
 */
public record Problem(
    Location location,
    String stage,
    String action,
    Severity severity,
    String message,
    String hint) {

  public static Problem error(Location location, String stage, String message) {
    return new Problem(location, stage, null, Severity.ERROR, message, null);
  }

  public static Problem warning(Location location, String stage, String message) {
    return new Problem(location, stage, null, Severity.WARNING, message, null);
  }

  public Problem withHint(String h) {
    return new Problem(location, stage, action, severity, message, h);
  }

  public Problem withAction(String a) {
    return new Problem(location, stage, a, severity, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The one-line form: {@code flows/x.yaml:12:5: error: stage "enrich" (Fetch): unknown prop
   * 'tmeout'; did you mean 'timeout'? Known props: timeout, url}.
   */
  public String format() {
    return format(location, severity.label(), stage, action, message, hint);
  }

  /**
   * The one-line form of any located finding: {@code file:line:col: level: stage "s" (Action):
   * message; hint}, the stage part and the hint left out when absent.
   */
  public static String format(
      Location location, String level, String stage, String action, String message, String hint) {
    StringBuilder b = new StringBuilder();
    b.append(location).append(": ").append(level).append(": ");
    if (stage != null) {
      b.append("stage \"").append(stage).append('"');
      if (action != null) {
        b.append(" (").append(action).append(')');
      }
      b.append(": ");
    }
    b.append(message);
    if (hint != null && !hint.isEmpty()) {
      b.append("; ").append(hint);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}

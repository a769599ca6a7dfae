package dev.flow.client.model;

/**
 * One located problem in a flow or a parameter set, as the server reports it.
 *
 * @param file the file the problem is in (the flow's file name on the server)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param stage the stage it concerns, or null
 * @param action the stage's action, or null
 * @param severity {@code error} or {@code warning}
 * @param message what is wrong
 * @param hint how to fix it, or null
 */
public record ApiProblem(
    String file,
    int line,
    int column,
    String stage,
    String action,
    String severity,
    String message,
    String hint) {

  public boolean isError() {
    return !"warning".equalsIgnoreCase(severity) && !"info".equalsIgnoreCase(severity);
  }

  /** The same problem in another file, e.g. the local file a flow was pushed from. */
  public ApiProblem inFile(String newFile) {
    return new ApiProblem(newFile, line, column, stage, action, severity, message, hint);
  }
}

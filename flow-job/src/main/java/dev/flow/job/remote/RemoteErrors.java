package dev.flow.job.remote;

import dev.flow.client.FlowApiException;
import dev.flow.client.FlowClientException;
import dev.flow.client.model.ApiProblem;
import dev.flow.job.ProblemPrinter;
import dev.flow.model.Location;
import dev.flow.model.Problem;
import dev.flow.model.Severity;
import java.io.PrintStream;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Prints what went wrong in a call to the server: the status and the server's explanation, then the
 * located problems as {@code file:line:col} lines; never a stack trace.
 */
public final class RemoteErrors {
  private RemoteErrors() {}

  /**
   * Prints {@code e} for command {@code command} (e.g. {@code flow push}); {@code files} maps the
   * file names the server gives to the user's local files.
   */
  public static void print(
      String command, FlowClientException e, UnaryOperator<String> files, PrintStream err) {
    if (!(e instanceof FlowApiException api)) {
      err.println(command + ": " + e.getMessage());
      return;
    }
    err.println(command + ": " + api.getMessage());
    String hint = hint(api);
    if (hint != null) {
      err.println("  " + hint);
    }
    if (!api.problems().isEmpty()) {
      ProblemPrinter.printText(problems(api.problems(), files), err);
    }
  }

  /** The name the server gives a stored flow's text in its problems. */
  public static final String STORED_FLOW_FILE = "flow.yaml";

  /** Maps the server's name for a flow's text to the local file it was sent from. */
  public static UnaryOperator<String> sentFrom(String localFile) {
    return f -> f.equals(STORED_FLOW_FILE) ? localFile : f;
  }

  /** The client's problems as the compiler's, so that they print like {@code flow validate}'s. */
  public static List<Problem> problems(List<ApiProblem> problems, UnaryOperator<String> files) {
    return problems.stream().map(p -> problem(p, files)).toList();
  }

  private static Problem problem(ApiProblem p, UnaryOperator<String> files) {
    String file = p.file() == null ? "<server>" : files.apply(p.file());
    return new Problem(
        new Location(file, p.line(), p.column()),
        p.stage(),
        p.action(),
        p.isError() ? Severity.ERROR : Severity.WARNING,
        p.message(),
        p.hint());
  }

  private static String hint(FlowApiException e) {
    return switch (e.status()) {
      case 401 ->
          "the server needs a valid token: pass --token, set FLOW_TOKEN, or put 'token:' in the"
              + " client config (see flow push --help)";
      case 403 -> "the token's role does not allow this";
      case 409 -> {
        Integer current = e.intProperty("currentVersion");
        yield current == null || e.detail() != null
            ? null
            : "the flow is at version "
                + current
                + " on the server: get it (flow get), merge your change and push again";
      }
      default -> null;
    };
  }
}

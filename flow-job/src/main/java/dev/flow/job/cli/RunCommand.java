package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.job.ProblemPrinter;
import dev.flow.job.local.LocalRunner;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow run}: runs a flow on an embedded Flink until it ends or Ctrl-C. */
@Command(
    name = "run",
    description = "Run a flow locally on an embedded Flink until a bounded flow ends or Ctrl-C.")
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FLOW", description = "The flow file.")
  Path flow;

  @Option(names = "--params", paramLabel = "FILE", description = "A parameter set file.")
  List<Path> params = new ArrayList<>();

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      description = "Show per-stage progress on stderr (default: on).")
  boolean progress;

  @Override
  public Integer call() throws Exception {
    ValidatedFlow validated =
        FlowCompiler.validate(flow.toString(), params.stream().map(Path::toString).toList(), false);
    if (!validated.problems().isEmpty()) {
      ProblemPrinter.printText(validated.problems(), System.err);
    }
    if (validated.hasErrors()) {
      return 1;
    }
    LocalRunner runner = new LocalRunner(progress ? System.err : null, Duration.ofSeconds(2));
    try {
      runner.run(validated);
      return 0;
    } catch (Exception e) {
      System.err.println("flow '" + validated.def().name() + "' failed: " + rootMessage(e));
      String log = System.getProperty("flow.log.file");
      if (log != null && !log.isBlank()) {
        System.err.println("Flink's log, with the stack traces: " + log);
      }
      return 1;
    }
  }

  static String rootMessage(Throwable t) {
    Throwable cur = t;
    String best = t.toString();
    while (cur != null) {
      if (cur.getMessage() != null && !cur.getMessage().isBlank()) {
        // Flow's own exceptions carry a message for users; others keep their class for context.
        best =
            cur.getClass().getName().startsWith("dev.flow.")
                ? cur.getMessage()
                : cur.getClass().getSimpleName() + ": " + cur.getMessage();
      }
      cur = cur.getCause() == cur ? null : cur.getCause();
    }
    return best;
  }
}

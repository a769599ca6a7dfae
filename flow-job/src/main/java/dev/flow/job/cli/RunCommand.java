package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.job.ProblemPrinter;
import dev.flow.job.local.LocalRunner;
import dev.flow.job.local.RetainedCheckpoints;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  @Option(
      names = "--resume",
      description =
          "Restore from the last checkpoint kept in the flow's settings.checkpointing.directory"
              + " (a local folder), so a restarted flow goes on where it was instead of reading"
              + " again from the start.")
  boolean resume;

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
    String restoreFrom = null;
    if (resume) {
      String dir = validated.settings().checkpointing().directory();
      Optional<Path> folder = RetainedCheckpoints.localFolder(dir);
      if (folder.isEmpty()) {
        System.err.println(
            dir == null
                ? "flow run --resume: the flow keeps no checkpoints; set"
                    + " settings.checkpointing.directory to a local folder"
                : "flow run --resume: settings.checkpointing.directory "
                    + dir
                    + " is not a local folder");
        return 2;
      }
      Optional<Path> last = RetainedCheckpoints.latest(folder.get());
      if (last.isEmpty()) {
        System.err.println(
            "flow run --resume: no complete checkpoint in "
                + folder.get()
                + "; run without --resume to start from the beginning");
        return 1;
      }
      restoreFrom = last.get().toUri().toString();
      System.err.println("resuming from " + last.get());
    }
    LocalRunner runner = new LocalRunner(progress ? System.err : null, Duration.ofSeconds(2));
    try {
      runner.run(validated, restoreFrom);
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

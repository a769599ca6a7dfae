package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.job.ProblemPrinter;
import dev.flow.upgrade.StateChange;
import dev.flow.upgrade.StateDiff;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flow diff OLD NEW}: the changes that stop NEW from restoring a savepoint of OLD. Exit 0
 * when compatible, 1 when a change breaks restoring, 2 when a flow is invalid.
 */
@Command(
    name = "diff",
    description =
        "List the changes from OLD to NEW that stop NEW from restoring a savepoint taken of OLD.")
final class DiffCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "OLD", description = "The flow the savepoint was taken of.")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "The flow to restore it into.")
  Path after;

  @Option(names = "--params", paramLabel = "FILE", description = "A parameter set file.")
  List<Path> params = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> p = params.stream().map(Path::toString).toList();
    ValidatedFlow old = FlowCompiler.validate(before.toString(), p, false);
    ValidatedFlow now = FlowCompiler.validate(after.toString(), p, false);
    if (old.hasErrors() || now.hasErrors()) {
      List<dev.flow.model.Problem> all = new ArrayList<>(old.problems());
      all.addAll(now.problems());
      ProblemPrinter.printText(all, System.out);
      System.out.println("cannot compare: fix the errors first");
      return 2;
    }
    List<StateChange> changes = StateDiff.between(old, now);
    for (StateChange c : changes) {
      System.out.println(c.format());
    }
    long breaking = changes.stream().filter(StateChange::breaking).count();
    if (breaking == 0) {
      System.out.println("compatible: " + after + " can restore a savepoint of " + before);
      return 0;
    }
    System.out.println(
        breaking
            + (breaking == 1 ? " change breaks" : " changes break")
            + " restoring a savepoint of "
            + before
            + " into "
            + after);
    return 1;
  }
}

package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.job.ProblemPrinter;
import dev.flow.model.Problem;
import dev.flow.model.Severity;
import dev.flow.record.Json;
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

/** {@code flow validate}: exit 0 when valid, 1 when there are errors, 2 on a usage error. */
@Command(
    name = "validate",
    description = "Check flows completely and list every problem with file:line:col.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FLOW", description = "Flow files to check.")
  List<Path> flows;

  @Option(names = "--params", paramLabel = "FILE", description = "A parameter set file.")
  List<Path> params = new ArrayList<>();

  @Option(names = "--strict", description = "Also check each flow against the seed schema exactly.")
  boolean strict;

  @Option(
      names = "--against",
      paramLabel = "OLD",
      description =
          "Also warn about changes from this older flow that stop restoring its savepoints.")
  Path against;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  Format format;

  enum Format {
    text,
    json
  }

  @Override
  public Integer call() throws Exception {
    List<Problem> all = new ArrayList<>();
    for (Path flow : flows) {
      ValidatedFlow v =
          FlowCompiler.validate(
              flow.toString(), params.stream().map(Path::toString).toList(), strict);
      all.addAll(v.problems());
      if (against != null && !v.hasErrors()) {
        all.addAll(stateWarnings(v));
      }
    }
    if (format == Format.json) {
      System.out.println(
          Json.MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(ProblemPrinter.toJson(all)));
    } else if (all.isEmpty()) {
      System.out.println(flows.size() == 1 ? "valid" : "all " + flows.size() + " flows valid");
    } else {
      ProblemPrinter.printText(all, System.out);
    }
    return all.stream().anyMatch(Problem::isError) ? 1 : 0;
  }

  /**
   * The savepoint findings against {@code --against}, as warnings; info-level ones are left out.
   */
  private List<Problem> stateWarnings(ValidatedFlow now) {
    ValidatedFlow old =
        FlowCompiler.validate(
            against.toString(), params.stream().map(Path::toString).toList(), strict);
    if (old.hasErrors()) {
      return List.of(
          Problem.warning(
              new dev.flow.model.Location(against.toString(), 0, 0),
              null,
              "--against: the older flow has errors, so savepoint compatibility was not checked"));
    }
    return StateDiff.between(old, now).stream()
        .filter(c -> c.level() != StateChange.Level.INFO)
        .map(c -> c.toProblem(Severity.WARNING))
        .toList();
  }
}

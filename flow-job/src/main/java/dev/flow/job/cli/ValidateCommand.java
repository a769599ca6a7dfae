package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.flowtest.TestFileReader;
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

  @Parameters(
      arity = "1..*",
      paramLabel = "FLOW",
      description =
          "Flow files, test files (*.test.yaml) or folders to check; a folder stands for the flows"
              + " and test files under it.")
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
    FlowFolder.Files files = FlowFolder.expand(flows);
    all.addAll(files.problems());
    for (Path file : files.paths()) {
      all.addAll(check(file)); // each file on its own: one that fails keeps the others' output
    }
    if (format == Format.json) {
      System.out.println(
          Json.MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(ProblemPrinter.toJson(all)));
    } else if (all.isEmpty()) {
      System.out.println(files.summary());
    } else {
      ProblemPrinter.printText(all, System.out);
    }
    return all.stream().anyMatch(Problem::isError) ? 1 : 0;
  }

  private List<Problem> check(Path file) {
    try {
      if (FlowFolder.isTestFile(file)) {
        return TestFileReader.read(file).problems();
      }
      ValidatedFlow v =
          FlowCompiler.validate(
              file.toString(), params.stream().map(Path::toString).toList(), strict);
      List<Problem> out = new ArrayList<>(v.problems());
      if (against != null && !v.hasErrors()) {
        out.addAll(stateWarnings(v));
      }
      return out;
    } catch (RuntimeException e) {
      return List.of(
          Problem.error(
              new dev.flow.model.Location(file.toString(), 0, 0),
              null,
              "cannot be validated: " + dev.flow.spi.ErrorRecordFactory.describe(e)));
    }
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

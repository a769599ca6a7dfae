package dev.flow.job.cli;

import dev.flow.factory.Factories;
import dev.flow.factory.ValidatedFactory;
import dev.flow.job.ProblemPrinter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The factory file and extra parameter sets every {@code flow factory} command takes. */
final class FactoryInput {

  @Parameters(index = "0", paramLabel = "FACTORY", description = "The factory file.")
  Path factory;

  @Option(
      names = "--params",
      paramLabel = "FILE",
      description = "A parameter set file, added to the factory's own.")
  List<Path> params = new ArrayList<>();

  /** The factory, read and validated. */
  ValidatedFactory validate() {
    return Factories.validate(factory, params);
  }

  /** Validates and prints the problems; null when there are errors. */
  ValidatedFactory validOrPrint(PrintStream out) {
    ValidatedFactory v = validate();
    if (!v.problems().isEmpty()) {
      ProblemPrinter.printText(v.problems(), out);
    }
    return v.hasErrors() ? null : v;
  }
}

package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.ConflictMode;
import dev.flow.client.model.ImportReport;
import dev.flow.job.ProblemPrinter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow import}: a zip from {@code flow export} into a project, with a conflict mode. */
@Command(
    mixinStandardHelpOptions = true,
    name = "import",
    description = {
      "Import a zip made by flow export, and print what became of each flow and parameter set.",
      "A broken zip is refused whole; a flow that does not validate is reported with its"
          + " problems and left out."
    })
public final class ImportCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "ZIP", description = "The zip file.")
  Path zip;

  @Option(
      names = "--on-conflict",
      defaultValue = "skip",
      paramLabel = "MODE",
      description =
          "When a flow of that name exists: skip it, replace it (a new version) or rename the"
              + " imported one ('name (1)'); default: ${DEFAULT-VALUE}.")
  ConflictMode onConflict;

  @Override
  protected String commandName() {
    return "flow import";
  }

  @Override
  protected int run(FlowClient client) throws Exception {
    if (!Files.isRegularFile(zip)) {
      throw new NoSuchFileException(zip.toString());
    }
    ImportReport report = client.transfer().importZip(project(), zip, onConflict);
    print(report, out);
    boolean invalid =
        report.flows().stream().anyMatch(e -> "invalid".equals(e.result()))
            || report.parameterSets().stream().anyMatch(e -> "invalid".equals(e.result()));
    return invalid ? 1 : 0;
  }

  /** The report, one line per flow and per set, and the located problems of invalid flows. */
  static void print(ImportReport report, PrintStream out) {
    section("flows", report.flows(), out);
    section("parameter sets", report.parameterSets(), out);
  }

  private static void section(String title, List<ImportReport.Entry> entries, PrintStream out) {
    out.println(title + ":" + (entries.isEmpty() ? " none" : ""));
    for (ImportReport.Entry e : entries) {
      StringBuilder b = new StringBuilder("  ");
      b.append(String.format("%-9s", e.result())).append(e.name());
      if (e.newName() != null && !e.newName().equals(e.name())) {
        b.append(" -> ").append(e.newName());
      }
      if (e.reason() != null && !e.reason().isBlank()) {
        b.append(" (").append(e.reason()).append(')');
      }
      out.println(b);
      if (!e.problems().isEmpty()) {
        var lines = new java.io.ByteArrayOutputStream();
        ProblemPrinter.printText(
            RemoteErrors.problems(e.problems(), UnaryOperator.identity()),
            new PrintStream(lines, true, java.nio.charset.StandardCharsets.UTF_8));
        lines
            .toString(java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .forEach(l -> out.println("    " + l));
      }
    }
  }
}

package dev.flow.job.cli;

import dev.flow.factory.FactoryEdge;
import dev.flow.factory.FactoryFlow;
import dev.flow.factory.ValidatedFactory;
import dev.flow.job.ProblemPrinter;
import dev.flow.record.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flow factory validate}: every problem of the factory and of its flows, then the flows in
 * the order they start and the edges between them.
 */
@Command(
    name = "validate",
    description =
        "Check a factory and each of its flows: missing flows, cycles, data contracts between"
            + " flows, exactly-once writers that clash. Exit 0 when valid, 1 on errors.")
final class FactoryValidateCommand implements Callable<Integer> {

  @Mixin FactoryInput input;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  ValidateCommand.Format format;

  @Override
  public Integer call() throws Exception {
    ValidatedFactory v = input.validate();
    if (format == ValidateCommand.Format.json) {
      System.out.println(
          Json.MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(ProblemPrinter.toJson(v.problems())));
      return v.hasErrors() ? 1 : 0;
    }
    ProblemPrinter.printText(v.problems(), System.out);
    if (v.hasErrors()) {
      return 1;
    }
    System.out.println(summary(v));
    return 0;
  }

  /** The factory in a few lines: the flows in start order, then each edge. */
  static String summary(ValidatedFactory v) {
    StringBuilder b = new StringBuilder();
    b.append("factory '").append(v.def().name()).append("' is valid: ");
    b.append(v.flows().size()).append(v.flows().size() == 1 ? " flow" : " flows");
    long data = v.edges().stream().filter(e -> e.kind() == FactoryEdge.Kind.DATA).count();
    b.append(", ").append(data).append(data == 1 ? " data edge" : " data edges");
    long after = v.edges().size() - data;
    b.append(", ").append(after).append(after == 1 ? " after edge\n" : " after edges\n");
    b.append("order:\n");
    int n = 1;
    for (int i : v.order()) {
      FactoryFlow f = v.flows().get(i);
      b.append("  ")
          .append(n++)
          .append(". ")
          .append(f.name())
          .append(f.bounded() ? " (bounded)" : " (streaming)")
          .append(" ")
          .append(f.file())
          .append('\n');
    }
    if (!v.edges().isEmpty()) {
      b.append("edges:\n");
    }
    for (FactoryEdge e : v.edges()) {
      FactoryFlow from = v.flows().get(e.from());
      b.append("  ")
          .append(from.name())
          .append(" -> ")
          .append(v.flows().get(e.to()).name())
          .append(": ");
      if (e.kind() == FactoryEdge.Kind.AFTER) {
        b.append("after\n");
        continue;
      }
      b.append(e.resource().describe());
      Map<String, List<String>> written = v.written().get(e.from());
      List<String> fields = written.get(e.writer());
      if (fields != null) {
        b.append(", stage '")
            .append(e.writer())
            .append("' writes ")
            .append(fields.isEmpty() ? "no proven field" : String.join(", ", fields));
      }
      b.append('\n');
    }
    return b.toString().stripTrailing();
  }
}

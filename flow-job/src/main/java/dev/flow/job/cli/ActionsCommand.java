package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.spi.ActionFactory;
import dev.flow.validate.ActionRegistry;
import dev.flow.validate.ReferenceDocs;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow actions}: lists the packaged actions, or one action with its props. */
@Command(name = "actions", description = "List the actions, or show one action and its props.")
final class ActionsCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "ACTION", description = "Show this action's props.")
  String action;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, or markdown for the whole reference.")
  String format;

  @Override
  public Integer call() {
    ActionRegistry registry = FlowCompiler.registry();
    String reference = new ReferenceDocs(registry).generate();
    if ("markdown".equals(format) && action == null) {
      System.out.print(reference);
      return 0;
    }
    if (action == null) {
      registry.all().stream()
          .sorted(
              Comparator.comparing((ActionFactory<?> f) -> f.kind()).thenComparing(f -> f.name()))
          .forEach(
              f ->
                  System.out.printf(
                      "%-16s %-10s %s%n", f.name(), f.kind().label(), firstSentence(f)));
      System.out.println();
      System.out.println("Run 'flow actions NAME' for an action's props.");
      return 0;
    }
    ActionRegistry.Resolution r = registry.resolve(action);
    if (!r.ok()) {
      System.err.println(r.error() + (r.hint() != null ? "; " + r.hint() : ""));
      return 2;
    }
    System.out.print(section(reference, r.factory().name()));
    return 0;
  }

  private static String firstSentence(ActionFactory<?> f) {
    String d = f.description();
    int dot = d.indexOf(". ");
    return dot > 0 ? d.substring(0, dot + 1) : d;
  }

  /** The reference's section for one action: from its heading to the next one. */
  static String section(String reference, String name) {
    String[] lines = reference.split("\n", -1);
    StringBuilder b = new StringBuilder();
    boolean in = false;
    for (String line : lines) {
      if (line.startsWith("## ") || line.startsWith("### ")) {
        if (in) {
          break;
        }
        in = line.substring(line.indexOf(' ') + 1).trim().equals(name);
      }
      if (in) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }
}

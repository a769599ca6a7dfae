package dev.flow.job.cli;

import dev.flow.factory.ValidatedFactory;
import dev.flow.job.ProblemPrinter;
import dev.flow.job.graph.FactoryPicture;
import dev.flow.job.graph.FactorySvg;
import dev.flow.job.graph.FactoryText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flow factory graph}: the factory's flows and the edges between them, as SVG or Mermaid.
 */
@Command(
    name = "graph",
    description =
        "Draw the factory: flows as boxes, data edges labelled with the topics, streams, files"
            + " and tables they share, dashed 'after' edges; --stages shows each flow's stages.")
final class FactoryGraphCommand implements Callable<Integer> {

  @Mixin FactoryInput input;

  @Option(names = "--format", defaultValue = "svg", description = "svg or mermaid.")
  Format format;

  @Option(names = "--stages", description = "Draw each flow's stages inside its box.")
  boolean stages;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here, not stdout.")
  Path output;

  enum Format {
    svg,
    mermaid
  }

  @Override
  public Integer call() throws Exception {
    ValidatedFactory v = input.validate();
    if (v.def() == null) {
      ProblemPrinter.printText(v.problems(), System.err);
      return 1;
    }
    if (v.hasErrors()) {
      ProblemPrinter.printText(v.problems(), System.err);
    }
    FactoryPicture p = FactoryPicture.of(v, stages);
    String text = format == Format.svg ? FactorySvg.render(p) : FactoryText.mermaid(p);
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
      System.err.println("wrote " + output);
    } else {
      System.out.print(text);
    }
    return 0;
  }
}

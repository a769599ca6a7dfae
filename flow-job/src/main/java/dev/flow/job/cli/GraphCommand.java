package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.job.ProblemPrinter;
import dev.flow.job.graph.FlowPicture;
import dev.flow.job.graph.SvgGraph;
import dev.flow.job.graph.TextGraphs;
import dev.flow.validate.ValidatedFlow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow graph}: the flow's DAG, auto-arranged, as SVG, Mermaid or DOT. */
@Command(
    name = "graph",
    description = "Draw the flow's DAG, laid out left to right, as SVG, Mermaid or DOT.")
final class GraphCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FLOW", description = "The flow file.")
  Path flow;

  @Option(names = "--format", defaultValue = "mermaid", description = "svg, mermaid or dot.")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here, not stdout.")
  Path output;

  @Option(names = "--params", paramLabel = "FILE", description = "A parameter set file.")
  List<Path> params = new ArrayList<>();

  enum Format {
    svg,
    mermaid,
    dot
  }

  @Override
  public Integer call() throws Exception {
    ValidatedFlow v =
        FlowCompiler.validate(flow.toString(), params.stream().map(Path::toString).toList(), false);
    if (v.def() == null) {
      ProblemPrinter.printText(v.problems(), System.err);
      return 1;
    }
    FlowPicture g = FlowPicture.of(v.def(), FlowCompiler::kindOf);
    String text =
        switch (format) {
          case svg -> SvgGraph.render(g);
          case mermaid -> TextGraphs.mermaid(g);
          case dot -> TextGraphs.dot(g);
        };
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
      System.err.println("wrote " + output);
    } else {
      System.out.print(text);
    }
    return 0;
  }
}

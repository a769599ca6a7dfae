package dev.flow.bench.s4;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Compiles generated YAML chains through {@link FlowCompiler}: {@code Bench Events}, then Remap
 * Fields, Filter and Map stages in turn (each Filter and Map with its own CEL expression), then
 * {@code Bench Count}.
 */
public final class YamlCompiler implements Compiler {
  private final Path dir;

  public YamlCompiler() throws Exception {
    this.dir = Files.createTempDirectory("bench-s4");
  }

  @Override
  public String describe() {
    return "YAML parse + validate (CEL compiled), translate, job graph";
  }

  /** A chain of {@code stages} stages as YAML. */
  static String chain(int stages) {
    StringBuilder y = new StringBuilder();
    y.append("name: chain of ").append(stages).append("\n");
    y.append("settings:\n  errors:\n    action: Bench Errors\n");
    y.append("stages:\n");
    y.append("  - name: s0\n    action: Bench Events\n    out: [s1]\n");
    for (int i = 1; i < stages - 1; i++) {
      y.append("  - name: s").append(i).append('\n');
      switch (i % 3) {
        case 1 ->
            y.append("    action: Remap Fields\n    props:\n      rename: {f")
                .append(i)
                .append(": g")
                .append(i)
                .append("}\n");
        case 2 ->
            y.append("    action: Filter\n    props:\n      condition: amount >= ")
                .append(i % 50)
                .append(".0 || currency == \"USD\"\n");
        default ->
            y.append("    action: Map\n    props:\n      fields:\n        m")
                .append(i)
                .append(": amount * ")
                .append(i)
                .append(".0\n");
      }
      y.append("    out: [s").append(i + 1).append("]\n");
    }
    y.append("  - name: s").append(stages - 1).append("\n    action: Bench Count\n    out: []\n");
    return y.toString();
  }

  @Override
  public Times compile(int stages) throws Exception {
    Path file = dir.resolve("chain-" + stages + ".yaml");
    if (!Files.exists(file)) {
      Files.writeString(file, chain(stages));
    }
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    long t0 = System.nanoTime();
    ValidatedFlow flow = FlowCompiler.validate(file.toString(), List.of(), false);
    long t1 = System.nanoTime();
    if (flow.hasErrors()) {
      throw new IllegalStateException(
          "generated chain is not valid:\n"
              + flow.problems().stream().map(Problem::format).collect(Collectors.joining("\n")));
    }
    FlowCompiler.translate(flow, env);
    long t2 = System.nanoTime();
    env.getStreamGraph().getJobGraph();
    long t3 = System.nanoTime();
    return new Times(t1 - t0, t2 - t1, t3 - t2);
  }
}

package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.validate.SchemaGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code flow schema}: prints the JSON Schema of flows, with every action's props, for editors. */
@Command(
    name = "schema",
    description = "Print the JSON Schema of flow files (with every action's props) for editors.")
final class SchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println(new SchemaGenerator(FlowCompiler.registry()).generateText());
    return 0;
  }
}

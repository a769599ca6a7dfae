package dev.flow.job.cli;

import dev.flow.factory.FactorySchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code flow factory schema}: prints the JSON Schema of factory files, for editors. */
@Command(name = "schema", description = "Print the JSON Schema of factory files, for editors.")
final class FactorySchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(FactorySchema.text());
    return 0;
  }
}

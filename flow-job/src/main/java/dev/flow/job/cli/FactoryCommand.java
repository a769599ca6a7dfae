package dev.flow.job.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flow factory}: several flows as one DAG, validated, drawn, tested, run and deployed. */
@Command(
    name = "factory",
    description =
        "Work on a factory (factory.yaml): several flows as one DAG, joined by the topics, streams,"
            + " files and tables they share and by explicit 'after' dependencies.",
    subcommands = {
      FactoryValidateCommand.class,
      FactoryGraphCommand.class,
      FactoryTestCommand.class,
      FactoryRunCommand.class,
      FactoryDeployCommand.class,
      dev.flow.job.remote.FactoryPushCommand.class,
      FactorySchemaCommand.class
    })
final class FactoryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}

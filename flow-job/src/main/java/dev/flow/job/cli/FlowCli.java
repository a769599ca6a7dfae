package dev.flow.job.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flow} command line: validate, run and inspect flows. */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    version = "Flow 0.1.0",
    description = "Compiles YAML flows into Apache Flink jobs and runs them.",
    subcommands = {
      ValidateCommand.class,
      RunCommand.class,
      GraphCommand.class,
      ActionsCommand.class,
      SchemaCommand.class,
      DeployCommand.class,
      PreviewCommand.class,
      TestCommand.class,
      InitCommand.class,
      DiffCommand.class,
      FactoryCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FlowCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    return new CommandLine(new FlowCli()).execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}

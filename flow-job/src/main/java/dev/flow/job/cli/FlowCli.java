package dev.flow.job.cli;

import java.util.ServiceLoader;
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
    return commandLine().execute(args);
  }

  /** The command line with the subcommands of every {@link CliExtension} on the classpath. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new FlowCli());
    for (CliExtension e : ServiceLoader.load(CliExtension.class)) {
      for (Object command : e.commands()) {
        cli.addSubcommand(command);
      }
    }
    return cli;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}

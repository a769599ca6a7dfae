package dev.flow.job.cli;

import dev.flow.job.remote.ApplyCommand;
import dev.flow.job.remote.CpCommand;
import dev.flow.job.remote.ExportCommand;
import dev.flow.job.remote.GetCommand;
import dev.flow.job.remote.ImportCommand;
import dev.flow.job.remote.LsCommand;
import dev.flow.job.remote.ParamsCommand;
import dev.flow.job.remote.PushCommand;
import dev.flow.job.remote.RmCommand;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flow} command line: validate, run and inspect flows. */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    scope = CommandLine.ScopeType.INHERIT,
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
      PushCommand.class,
      LsCommand.class,
      GetCommand.class,
      CpCommand.class,
      RmCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      ParamsCommand.class,
      ApplyCommand.class,
      dev.flow.job.remote.EnvCommand.class,
      dev.flow.job.remote.StatusCommand.class,
      dev.flow.job.remote.StopCommand.class,
      dev.flow.job.remote.UpgradeCommand.class,
      dev.flow.job.remote.RollbackCommand.class,
      dev.flow.job.remote.RunsCommand.class,
      dev.flow.job.remote.ErrorsCommand.class,
      dev.flow.job.remote.TriggerCommand.class,
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

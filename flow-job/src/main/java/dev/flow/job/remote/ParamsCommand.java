package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.ParameterSet;
import dev.flow.job.ProblemPrinter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flow params}: the parameter sets on the server. */
@Command(
    mixinStandardHelpOptions = true,
    name = "params",
    description =
        "Parameter sets on the server: ls, get (secrets masked), set (from a --params file),"
            + " rm.",
    subcommands = {
      ParamsCommand.Ls.class,
      ParamsCommand.Get.class,
      ParamsCommand.Set.class,
      ParamsCommand.Rm.class
    })
public final class ParamsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** {@code flow params ls}: one set per line, its name first. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "ls",
      description = "List the parameter sets: name, then the number of parameters.")
  public static final class Ls extends RemoteCommand {
    @Override
    protected String commandName() {
      return "flow params ls";
    }

    @Override
    protected int run(FlowClient client) {
      for (ParameterSet s : client.parameterSets().list(project())) {
        long secrets =
            s.parameters().values().stream().filter(ParameterSet.Parameter::secret).count();
        out.println(
            s.name()
                + "\t"
                + s.parameters().size()
                + (s.parameters().size() == 1 ? " parameter" : " parameters")
                + (secrets == 0 ? "" : "\t" + secrets + (secrets == 1 ? " secret" : " secrets")));
      }
      return 0;
    }
  }

  /** {@code flow params get}: the set in the file format, secrets as {@code ***}. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "get",
      description =
          "Print a parameter set in the --params file format; secret values print as ***, and"
              + " 'flow params set' of that file keeps them.")
  public static final class Get extends RemoteCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    protected String commandName() {
      return "flow params get";
    }

    @Override
    protected int run(FlowClient client) {
      out.print(ParamFiles.toYaml(client.parameterSets().get(project(), name)));
      return 0;
    }
  }

  /** {@code flow params set}: creates or replaces sets from parameter set files. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "set",
      description =
          "Create or replace parameter sets from files in the --params format (name, parameters;"
              + " 'secret: true' for secrets).")
  public static final class Set extends RemoteCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    protected String commandName() {
      return "flow params set";
    }

    @Override
    protected int run(FlowClient client) {
      ParamFiles.Loaded loaded = ParamFiles.load(files);
      if (!loaded.problems().isEmpty()) {
        ProblemPrinter.printText(loaded.problems(), err);
        return 1;
      }
      for (ParameterSet set : loaded.sets().values()) {
        boolean exists = client.parameterSets().find(project(), set.name()).isPresent();
        ParameterSet saved =
            exists
                ? client.parameterSets().update(project(), set)
                : client.parameterSets().create(project(), set);
        int n = saved.parameters().size();
        out.println(
            saved.name()
                + ": "
                + (exists ? "updated" : "created")
                + " ("
                + n
                + (n == 1 ? " parameter)" : " parameters)"));
      }
      return 0;
    }
  }

  /** {@code flow params rm}: deletes sets. */
  @Command(mixinStandardHelpOptions = true, name = "rm", description = "Delete parameter sets.")
  public static final class Rm extends RemoteCommand {
    @Parameters(arity = "1..*", paramLabel = "NAME")
    List<String> names;

    @Override
    protected String commandName() {
      return "flow params rm";
    }

    @Override
    protected int run(FlowClient client) {
      for (String n : names) {
        client.parameterSets().delete(project(), n);
        out.println(n + ": deleted");
      }
      return 0;
    }
  }
}

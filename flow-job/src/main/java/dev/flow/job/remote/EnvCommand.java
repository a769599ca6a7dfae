package dev.flow.job.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.client.ApiTransport;
import dev.flow.client.FlowClient;
import dev.flow.client.model.Environment;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow env ls|get|create|rm}: the environments deployments run in. */
@Command(
    mixinStandardHelpOptions = true,
    name = "env",
    description = "List, show, create and delete the environments flows are deployed to.",
    subcommands = {
      EnvCommand.Ls.class,
      EnvCommand.Get.class,
      EnvCommand.Create.class,
      EnvCommand.Rm.class
    })
public final class EnvCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(mixinStandardHelpOptions = true, name = "ls", description = "List the environments.")
  public static final class Ls extends RemoteCommand {
    @Override
    protected String commandName() {
      return "flow env ls";
    }

    @Override
    protected int run(FlowClient client) {
      out.printf("%-20s %s%n", "NAME", "KIND");
      for (Environment e : client.environments().list()) {
        out.printf("%-20s %s%n", e.name(), e.kind());
      }
      return 0;
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "get",
      description = "Show an environment and its settings.")
  public static final class Get extends RemoteCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    protected String commandName() {
      return "flow env get";
    }

    @Override
    protected int run(FlowClient client) {
      Environment e = client.environments().get(name);
      out.println("name: " + e.name());
      out.println("kind: " + e.kind());
      if (e.config() != null && e.config().size() > 0) {
        out.println("config:");
        e.config()
            .fields()
            .forEachRemaining(f -> out.println("  " + f.getKey() + ": " + f.getValue().asText()));
      }
      return 0;
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "create",
      description = {
        "Create an environment (admin token).",
        "Settings: flink-session: restUrl, jar, savepointDir, fileServerUrl; kubernetes: image,"
            + " namespace, stateDir, serviceAccount, kubeconfig, parallelism; local: slots."
      })
  public static final class Create extends RemoteCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "local, flink-session or kubernetes.")
    String kind;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "A setting of the environment, e.g. --set restUrl=http://flink:8081.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    protected String commandName() {
      return "flow env create";
    }

    @Override
    protected int run(FlowClient client) {
      ObjectNode config = ApiTransport.MAPPER.createObjectNode();
      settings.forEach(
          (k, v) -> {
            if (v.matches("-?\\d+")) {
              config.put(k, Long.parseLong(v));
            } else {
              config.put(k, v);
            }
          });
      Environment e = client.environments().create(Environment.of(name, kind, config));
      out.println(e.name() + ": created (" + e.kind() + ")");
      return 0;
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "rm",
      description = "Delete an environment no deployment uses (admin token).")
  public static final class Rm extends RemoteCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    protected String commandName() {
      return "flow env rm";
    }

    @Override
    protected int run(FlowClient client) {
      client.environments().delete(name);
      out.println(name + ": deleted");
      return 0;
    }
  }
}

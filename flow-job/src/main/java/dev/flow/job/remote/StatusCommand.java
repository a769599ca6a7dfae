package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Deployment;
import dev.flow.client.model.Flow;
import dev.flow.client.model.FlowQuery;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow status}: the state of one flow's deployment, or a table of all of them. */
@Command(
    mixinStandardHelpOptions = true,
    name = "status",
    description = {
      "Show a deployed flow's state, Flink job id, Flink UI link and root cause;",
      "without NAME, a table of every deployment."
    })
public final class StatusCommand extends RemoteCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The flow's name.")
  String name;

  @Option(names = "--env", paramLabel = "ENV", description = "The environment.")
  String env;

  @Override
  protected String commandName() {
    return "flow status";
  }

  @Override
  protected int run(FlowClient client) {
    if (name != null) {
      try {
        Deployed.print(name, Deployed.find(client, project(), name, env), out);
        return 0;
      } catch (Deployed.NotFound e) {
        err.println(commandName() + ": " + e.getMessage());
        return 1;
      }
    }
    Map<String, String> names = new HashMap<>();
    for (Flow f : client.flows().listAll(FlowQuery.all().inProject(project()))) {
      names.put(f.id(), f.name());
    }
    out.printf("%-30s %-14s %-8s %-10s %s%n", "FLOW", "ENVIRONMENT", "VERSION", "STATE", "JOB");
    for (Deployment d : client.deployments().list(null)) {
      if (env != null && !env.equals(d.environment())) {
        continue;
      }
      out.printf(
          "%-30s %-14s %-8s %-10s %s%n",
          names.getOrDefault(d.flowId(), d.flowId()),
          d.environment(),
          d.version(),
          d.liveState(),
          d.liveJobId() == null ? "-" : d.liveJobId());
    }
    return 0;
  }
}

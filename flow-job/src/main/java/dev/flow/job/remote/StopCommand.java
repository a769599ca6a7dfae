package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Deployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flow stop}: stops a deployment, with a savepoint or cancelled. */
@Command(
    mixinStandardHelpOptions = true,
    name = "stop",
    description = "Stop a deployed flow: cancelled, or with --savepoint to keep its state.")
public final class StopCommand extends DeploymentCommand {
  @Option(names = "--savepoint", description = "Take a savepoint before stopping.")
  boolean savepoint;

  @Override
  protected String commandName() {
    return "flow stop";
  }

  @Override
  protected int run(FlowClient client, Deployment d) {
    Deployed.print(name, client.deployments().stop(d.id(), savepoint), out);
    return 0;
  }
}

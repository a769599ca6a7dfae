package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Deployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flow rollback}: back to the previously deployed version. */
@Command(
    mixinStandardHelpOptions = true,
    name = "rollback",
    description = "Roll a deployed flow back to its previously deployed version.")
public final class RollbackCommand extends DeploymentCommand {
  @Option(names = "--allow-state-loss", description = "Roll back even when state would be lost.")
  boolean allowStateLoss;

  @Override
  protected String commandName() {
    return "flow rollback";
  }

  @Override
  protected int run(FlowClient client, Deployment d) {
    Deployed.print(name, client.deployments().rollback(d.id(), allowStateLoss), out);
    return 0;
  }
}

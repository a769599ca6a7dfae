package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Deployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flow upgrade}: moves a deployment to another version through a savepoint. */
@Command(
    mixinStandardHelpOptions = true,
    name = "upgrade",
    description = {
      "Upgrade a deployed flow to another version: stop with a savepoint, start the new version"
          + " from it.",
      "Refused, with the findings located in the flow file, when the new version cannot restore"
          + " the savepoint; --allow-state-loss upgrades anyway."
    })
public final class UpgradeCommand extends DeploymentCommand {
  @Option(names = "--to", required = true, paramLabel = "VERSION", description = "The version.")
  int to;

  @Option(names = "--allow-state-loss", description = "Upgrade even when state would be lost.")
  boolean allowStateLoss;

  @Override
  protected String commandName() {
    return "flow upgrade";
  }

  @Override
  protected int run(FlowClient client, Deployment d) {
    try {
      Deployed.print(name, client.deployments().upgrade(d.id(), to, allowStateLoss), out);
      return 0;
    } catch (dev.flow.client.FlowApiException e) {
      if (e.status() != 409 || e.type() == null || !e.type().endsWith("/incompatible-upgrade")) {
        throw e;
      }
      RemoteErrors.print(commandName(), e, files(), err);
      err.println("flow upgrade: --allow-state-loss upgrades anyway and drops that state");
      return 1;
    }
  }
}

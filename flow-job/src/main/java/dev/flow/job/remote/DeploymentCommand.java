package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Deployment;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The base of commands on one flow's deployment: the flow's name and --env. */
abstract class DeploymentCommand extends RemoteCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The flow's name.")
  String name;

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "The environment, when the flow is deployed to several.")
  String env;

  @Override
  protected final int run(FlowClient client) throws Exception {
    Deployment d;
    try {
      d = Deployed.find(client, project(), name, env);
    } catch (Deployed.NotFound e) {
      err.println(commandName() + ": " + e.getMessage());
      return 1;
    }
    return run(client, d);
  }

  protected abstract int run(FlowClient client, Deployment d) throws Exception;
}

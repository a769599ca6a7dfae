package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Flow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow cp}: duplicates a flow under a new name. */
@Command(
    mixinStandardHelpOptions = true,
    name = "cp",
    description = "Duplicate a flow on the server under a new name.")
public final class CpCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "The flow to copy.")
  String name;

  @Parameters(index = "1", paramLabel = "NEW", description = "The copy's name.")
  String newName;

  @Option(
      names = "--description",
      description = "The copy's description (default: the original's).")
  String description;

  @Override
  protected String commandName() {
    return "flow cp";
  }

  @Override
  protected int run(FlowClient client) {
    Flow f = client.flows().byName(project(), name);
    Flow copy = client.flows().duplicate(f.id(), newName, description);
    out.println(copy.name() + ": version " + copy.version() + " (copied from " + f.name() + ")");
    return 0;
  }
}

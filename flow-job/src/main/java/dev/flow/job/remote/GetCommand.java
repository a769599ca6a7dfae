package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Flow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow get}: prints a flow's YAML, the current version or another. */
@Command(name = "get", description = "Print a flow's YAML from the server, as it was pushed.")
public final class GetCommand extends RemoteCommand {

  // Not the standard help mixin: its --version would clash with this command's --version N.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "NAME", description = "The flow's name.")
  String name;

  @Option(
      names = "--version",
      paramLabel = "N",
      description = "This version (default: the current one).")
  Integer version;

  @Override
  protected String commandName() {
    return "flow get";
  }

  @Override
  protected int run(FlowClient client) {
    Flow f = client.flows().byName(project(), name);
    String yaml = version == null ? f.yaml() : client.flows().version(f.id(), version).yaml();
    out.print(yaml.endsWith("\n") ? yaml : yaml + "\n");
    return 0;
  }
}

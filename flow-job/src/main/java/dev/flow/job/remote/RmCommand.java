package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Flow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flow rm}: deletes flows by name. */
@Command(
    mixinStandardHelpOptions = true,
    name = "rm",
    description = "Delete flows from the server, with all their versions.")
public final class RmCommand extends RemoteCommand {

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "The flows to delete.")
  java.util.List<String> names;

  @Override
  protected String commandName() {
    return "flow rm";
  }

  @Override
  protected int run(FlowClient client) {
    for (String name : names) {
      Flow f = client.flows().byName(project(), name);
      client.flows().delete(f.id());
      out.println(f.name() + ": deleted");
    }
    return 0;
  }
}

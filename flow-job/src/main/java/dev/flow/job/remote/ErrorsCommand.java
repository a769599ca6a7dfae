package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.ErrorRecord;
import dev.flow.client.model.Page;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow errors}: a flow's error records, and their replay. */
@Command(
    mixinStandardHelpOptions = true,
    name = "errors",
    description = {
      "List the records a flow's stages could not process, newest first;",
      "--replay ID... runs those records through the flow again and prints the new runs' ids."
    })
public final class ErrorsCommand extends RemoteCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The flow's name.")
  String name;

  @Option(names = "--stage", paramLabel = "STAGE", description = "Only this stage's records.")
  String stage;

  @Option(
      names = "--replay",
      arity = "1..*",
      paramLabel = "ID",
      description = "Replay these error records.")
  List<Long> replay;

  @Option(names = "--limit", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  protected String commandName() {
    return "flow errors";
  }

  @Override
  protected int run(FlowClient client) {
    if (replay != null) {
      for (String id : client.errorRecords().replay(replay, null)) {
        out.println("run " + id);
      }
      return 0;
    }
    Page<ErrorRecord> page = client.errorRecords().list(name, stage, 0, limit);
    out.printf("%-8s %-20s %-16s %-24s %s%n", "ID", "STAGE", "POLICY", "TIME", "ERROR");
    for (ErrorRecord e : page.items()) {
      out.printf(
          "%-8s %-20s %-16s %-24s %s%n",
          e.id(),
          e.stage(),
          e.policy() == null ? "-" : e.policy(),
          e.timestamp() == null ? "-" : e.timestamp(),
          (e.error() == null ? "" : e.error().lines().findFirst().orElse(""))
              + (e.replayedBy() == null ? "" : " (replayed by " + e.replayedBy() + ")"));
    }
    if (page.total() > page.items().size()) {
      out.println("(" + page.items().size() + " of " + page.total() + " shown; --limit N)");
    }
    return 0;
  }
}

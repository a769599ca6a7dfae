package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Flow;
import dev.flow.client.model.FlowQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flow ls}: one flow per line, its name first, then tab-separated columns: the version, the
 * last update, the labels.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "ls",
    description = {
      "List the flows on the server: one per line, the name first, then (tab-separated) the"
          + " version, the time of the last change and the labels.",
      "'flow ls | cut -f1' gives the names alone."
    })
public final class LsCommand extends RemoteCommand {

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "Only flows with this label (repeatable: all must match).")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(
      names = "--q",
      paramLabel = "TEXT",
      description = "Only flows whose name or description contain TEXT.")
  String text;

  @Option(names = "--name", description = "Only the flow with this exact name.")
  String name;

  @Override
  protected String commandName() {
    return "flow ls";
  }

  @Override
  protected int run(FlowClient client) {
    FlowQuery q = FlowQuery.all().inProject(project()).named(name).containing(text).page(0, 500);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      q = q.withLabel(e.getKey(), e.getValue());
    }
    List<Flow> flows = client.flows().listAll(q);
    for (Flow f : flows) {
      out.println(line(f));
    }
    return 0;
  }

  static String line(Flow f) {
    String labels =
        f.labels().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    return f.name()
        + "\tv"
        + f.version()
        + "\t"
        + (f.updatedAt() == null ? "" : f.updatedAt().toString())
        + "\t"
        + labels;
  }
}

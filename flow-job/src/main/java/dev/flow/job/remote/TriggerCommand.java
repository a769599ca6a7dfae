package dev.flow.job.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.ApiTransport;
import dev.flow.client.FlowApiException;
import dev.flow.client.FlowClient;
import dev.flow.client.model.Flow;
import dev.flow.client.model.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow trigger}: runs a flow once on the local environment over records of a file. */
@Command(
    mixinStandardHelpOptions = true,
    name = "trigger",
    description = {
      "Run a flow once on the server's local environment over the records of a JSON Lines file;",
      "prints the run ids, and with --wait each run's outcome (exit 1 when one failed)."
    })
public final class TriggerCommand extends RemoteCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The flow's name.")
  String name;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "The records, one JSON object a line.")
  Path input;

  @Option(names = "--version", paramLabel = "N", description = "The version (default: latest).")
  Integer version;

  @Option(names = "--params-set", arity = "1..*", paramLabel = "NAME", description = "Sets.")
  List<String> parameterSets;

  @Option(names = "--wait", description = "Wait for the runs and print their outcomes.")
  boolean await;

  @Option(names = "--timeout", defaultValue = "120", description = "Seconds --wait waits.")
  int timeout;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  protected String commandName() {
    return "flow trigger";
  }

  @Override
  protected int run(FlowClient client) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(input)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        records.add(ApiTransport.MAPPER.readTree(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        err.println(
            "flow trigger: "
                + input
                + ":"
                + n
                + ": not a JSON record ("
                + e.getOriginalMessage()
                + ")");
        return 1;
      }
    }
    Flow f = client.flows().byName(project(), name);
    List<String> ids = client.flows().trigger(f.id(), records, version, parameterSets);
    for (String id : ids) {
      out.println("run " + id);
    }
    if (!await) {
      return 0;
    }
    long deadline = System.nanoTime() + timeout * 1_000_000_000L;
    int failed = 0;
    for (String id : ids) {
      Run r = null;
      while (r == null) {
        try {
          r = client.runs().get(id);
        } catch (FlowApiException e) {
          if (e.status() != 404) {
            throw e;
          }
          if (System.nanoTime() > deadline) {
            err.println("flow trigger: run " + id + " did not finish within " + timeout + " s");
            return 1;
          }
          Thread.sleep(500);
        }
      }
      out.println(
          "run "
              + id
              + ": "
              + r.status()
              + (r.published() == null ? "" : ", " + r.published() + " published")
              + (r.errors() == null ? "" : ", " + r.errors() + " errors")
              + (r.error() == null ? "" : " (" + r.failedStage() + ": " + r.error() + ")"));
      if ("error".equals(r.status())) {
        failed++;
      }
    }
    return failed == 0 ? 0 : 1;
  }
}

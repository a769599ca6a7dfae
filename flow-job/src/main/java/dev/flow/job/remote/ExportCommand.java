package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.ExportRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow export}: some flows, or the whole project, into a zip. */
@Command(
    mixinStandardHelpOptions = true,
    name = "export",
    description =
        "Export flows (by name), or the whole project, with their versions' metadata and the"
            + " parameter sets they use, as a zip; secrets are masked unless --plain-secrets.")
public final class ExportCommand extends RemoteCommand {

  @Parameters(arity = "0..*", paramLabel = "NAME", description = "The flows (default: all).")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "ZIP",
      description = "The zip file to write.")
  Path output;

  @Option(
      names = "--plain-secrets",
      description = "Write secret values in plain text (needs a token allowed to read them).")
  boolean plainSecrets;

  @Override
  protected String commandName() {
    return "flow export";
  }

  @Override
  protected int run(FlowClient client) {
    ExportRequest r = new ExportRequest(project(), names, plainSecrets);
    long bytes = client.transfer().export(r, output);
    String what =
        names.isEmpty()
            ? "the project " + (project() == null ? "default" : project())
            : names.size() + (names.size() == 1 ? " flow" : " flows");
    out.println(output + ": " + what + ", " + bytes + " bytes");
    return 0;
  }
}

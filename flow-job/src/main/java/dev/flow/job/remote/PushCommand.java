package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Flow;
import dev.flow.client.model.FlowUpdate;
import dev.flow.client.model.NewFlow;
import dev.flow.client.model.Validation;
import dev.flow.job.ProblemPrinter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow push}: creates the flow on the server, or adds a version when it exists. */
@Command(
    mixinStandardHelpOptions = true,
    name = "push",
    description = {
      "Create a flow on the server from a file, or add a new version when a flow of that name"
          + " exists; prints its name and version.",
      "The server is found with --server, FLOW_SERVER or the client config"
          + " (~/.config/flow/config.yaml: server, token, project)."
    })
public final class PushCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "FLOW", description = "The flow file.")
  Path file;

  @Option(
      names = {"-m", "--message"},
      description = "What changed, kept with the version.")
  String message;

  @Option(
      names = "--params-set",
      arity = "1..*",
      paramLabel = "NAME",
      description =
          "The parameter sets the flow uses (default: the sets its ${set__param} references"
              + " name).")
  List<String> parameterSets;

  @Option(
      names = "--base-version",
      paramLabel = "N",
      description =
          "The version this file was edited from; the push is refused when the flow has moved"
              + " on since (default: the current version).")
  Integer baseVersion;

  @Option(
      names = "--no-validate",
      description = "Push even when the server finds errors in the flow (a draft).")
  boolean noValidate;

  @Override
  protected String commandName() {
    return "flow push";
  }

  @Override
  protected UnaryOperator<String> files() {
    return RemoteErrors.sentFrom(file.toString());
  }

  @Override
  protected int run(FlowClient client) throws Exception {
    LocalFlow local = LocalFlow.read(file);
    if (!local.problems().isEmpty()) {
      ProblemPrinter.printText(local.problems(), err);
      return 1;
    }
    List<String> sets = parameterSets != null ? parameterSets : local.parameterSets();
    if (!noValidate) {
      Validation v = client.flows().validateYaml(project(), local.text(), sets);
      if (!v.problems().isEmpty()) {
        ProblemPrinter.printText(RemoteErrors.problems(v.problems(), files()), err);
      }
      if (!v.valid()) {
        err.println(
            "flow push: "
                + file
                + " has errors, so it was not pushed (--no-validate pushes it anyway)");
        return 1;
      }
    }
    Optional<Flow> existing = client.flows().find(project(), local.name());
    if (existing.isEmpty()) {
      Flow f =
          client
              .flows()
              .create(
                  project(), NewFlow.of(local.text()).withParameterSets(sets).withMessage(message));
      out.println(f.name() + ": version " + f.version() + " (created)");
      return 0;
    }
    Flow current = existing.get();
    int base = baseVersion != null ? baseVersion : current.version();
    if (base == current.version()
        && local.text().equals(current.yaml())
        && sets.stream()
            .sorted()
            .toList()
            .equals(current.parameterSets().stream().sorted().toList())) {
      out.println(current.name() + ": version " + current.version() + " (unchanged)");
      return 0;
    }
    Flow f =
        client
            .flows()
            .update(
                current.id(),
                FlowUpdate.yaml(base, local.text()).withParameterSets(sets).withMessage(message));
    out.println(f.name() + ": version " + f.version() + " (updated from " + base + ")");
    return 0;
  }
}

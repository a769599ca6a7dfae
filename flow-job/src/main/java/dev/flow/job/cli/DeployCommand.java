package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.job.ProblemPrinter;
import dev.flow.job.deploy.DeploySpec;
import dev.flow.job.deploy.FlowFileRefs;
import dev.flow.job.deploy.K8sManifests;
import dev.flow.job.deploy.ManifestWriter;
import dev.flow.job.remote.ServerOptions;
import dev.flow.model.Problem;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flow deploy}: renders a ConfigMap and a FlinkDeployment for the Flink Kubernetes Operator,
 * for {@code kubectl apply -f}. Exit 0 when rendered, 1 when the flow has errors, 2 on a usage
 * error.
 */
@Command(
    name = "deploy",
    description = {
      "Deploy a flow of the server's catalog to an environment, or render the Kubernetes"
          + " resources of a flow file.",
      "",
      "flow deploy NAME --env ENV [--params SET]... [--version N]",
      "  deploys the flow NAME of the server (--server, FLOW_SERVER or the client config) to"
          + " ENV (default local) and prints its status.",
      "flow deploy FLOW.yaml --env ENV",
      "  pushes the file to the server first (as flow push), then deploys that version.",
      "flow deploy FLOW.yaml [--params FILE] [--image ...] [-o DIR]",
      "  (no --env) renders a ConfigMap and a FlinkDeployment for the Flink Kubernetes"
          + " Operator, for kubectl apply -f.",
      "An argument that is an existing file or ends in .yaml/.yml is a flow file; anything else is"
          + " a flow's name on the server."
    })
final class DeployCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "FLOW",
      description = "A flow file, or the name of a flow on the server.")
  Path flow;

  @Option(
      names = "--params",
      paramLabel = "FILE|SET",
      description =
          "Rendering: a parameter set file. On the server: the parameter sets (default: the"
              + " flow's own).")
  List<Path> params = new ArrayList<>();

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "Deploy on the server to this environment (local, or one of flow env ls).")
  String env;

  @Option(
      names = "--version",
      paramLabel = "N",
      description = "On the server: the version to deploy (default: the latest).")
  Integer version;

  @Mixin ServerOptions connection;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--name", description = "The FlinkDeployment's name (default: from FLOW).")
  String name;

  @Mixin KubernetesOptions k8s;

  @Override
  public Integer call() throws Exception {
    String arg = flow.toString();
    boolean file = Files.isRegularFile(flow) || arg.endsWith(".yaml") || arg.endsWith(".yml");
    if (env != null || !file || version != null || connection.server != null) {
      return dev.flow.job.remote.RemoteDeployCommand.of(
              connection, arg, env, params.stream().map(Path::toString).toList(), version)
          .call();
    }
    ValidatedFlow validated =
        FlowCompiler.validate(flow.toString(), params.stream().map(Path::toString).toList(), false);
    if (validated.problems().stream().anyMatch(Problem::isError)) {
      ProblemPrinter.printText(validated.problems(), System.out);
      return 1;
    }
    String resource = name != null ? name : DeploySpec.resourceName(flow.getFileName().toString());
    if (!DeploySpec.isValidName(resource)) {
      System.err.println(
          "flow deploy: --name "
              + resource
              + " is not a valid resource name; use at most 45 lower case letters, digits and"
              + " dashes, starting with a letter");
      return 2;
    }
    try {
      DeploySpec spec =
          new DeploySpec(
              flow,
              params,
              resource,
              k8s.image,
              k8s.stateDir != null ? k8s.stateDir : "file:///flink-data/" + resource,
              k8s.upgradeMode,
              k8s.parallelism,
              k8s.serviceAccount,
              validated.settings().stateBackend().name().toLowerCase(java.util.Locale.ROOT),
              FlowFileRefs.of(validated, flow));
      K8sManifests.upgradeMode(k8s.upgradeMode);
      List<Object> resources = K8sManifests.resources(spec, k8s.stateDir == null);
      if (k8s.output == null) {
        System.out.print(ManifestWriter.toYaml(resources));
      } else {
        Files.createDirectories(k8s.output);
        List<String> written = new ArrayList<>();
        for (Object r : resources) {
          Path out = k8s.output.resolve(resource + "-" + ManifestWriter.fileKind(r) + ".yaml");
          Files.writeString(out, ManifestWriter.toYaml(r));
          written.add(out.toString());
        }
        System.out.println(
            "wrote "
                + String.join(", ", written.subList(0, written.size() - 1))
                + " and "
                + written.get(written.size() - 1));
      }
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("flow deploy: " + e.getMessage());
      return 2;
    }
  }
}

package dev.flow.job.cli;

import dev.flow.FlowCompiler;
import dev.flow.job.ProblemPrinter;
import dev.flow.job.deploy.DeploySpec;
import dev.flow.job.deploy.K8sManifests;
import dev.flow.job.deploy.ManifestWriter;
import dev.flow.model.Problem;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flow deploy}: renders a ConfigMap and a FlinkDeployment for the Flink Kubernetes Operator,
 * for {@code kubectl apply -f}. Exit 0 when rendered, 1 when the flow has errors, 2 on a usage
 * error.
 */
@Command(
    name = "deploy",
    description =
        "Render the Kubernetes resources (ConfigMap + FlinkDeployment) that run a flow with the"
            + " Flink Kubernetes Operator.")
final class DeployCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FLOW", description = "The flow file.")
  Path flow;

  @Option(names = "--params", paramLabel = "FILE", description = "A parameter set file.")
  List<Path> params = new ArrayList<>();

  @Option(
      names = "--image",
      defaultValue = DeploySpec.DEFAULT_IMAGE,
      description = "The image with the Flow jar (default: ${DEFAULT-VALUE}).")
  String image;

  @Option(names = "--name", description = "The FlinkDeployment's name (default: from FLOW).")
  String name;

  @Option(
      names = "--state-dir",
      description =
          "Shared storage for checkpoints, savepoints and HA, e.g. s3://bucket/flows/NAME"
              + " (default: file:///flink-data/NAME, a volume you mount).")
  String stateDir;

  @Option(
      names = "--upgrade-mode",
      defaultValue = "savepoint",
      description = "savepoint, last-state or stateless (default: ${DEFAULT-VALUE}).")
  String upgradeMode;

  @Option(names = "--parallelism", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
  int parallelism;

  @Option(
      names = "--service-account",
      defaultValue = "flink",
      description = "Default: ${DEFAULT-VALUE}.")
  String serviceAccount;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Write NAME-configmap.yaml and NAME-flinkdeployment.yaml here, not to stdout.")
  Path output;

  @Override
  public Integer call() throws Exception {
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
    DeploySpec spec =
        new DeploySpec(
            flow,
            params,
            resource,
            image,
            stateDir != null ? stateDir : "file:///flink-data/" + resource,
            upgradeMode,
            parallelism,
            serviceAccount);
    try {
      K8sManifests.upgradeMode(upgradeMode);
      String configMap = ManifestWriter.toYaml(K8sManifests.configMap(spec));
      String deployment = ManifestWriter.toYaml(K8sManifests.flinkDeployment(spec));
      if (output == null) {
        System.out.print(configMap + "---\n" + deployment);
      } else {
        Files.createDirectories(output);
        Path cm = output.resolve(resource + "-configmap.yaml");
        Path fd = output.resolve(resource + "-flinkdeployment.yaml");
        Files.writeString(cm, configMap);
        Files.writeString(fd, deployment);
        System.out.println("wrote " + cm + " and " + fd);
      }
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("flow deploy: " + e.getMessage());
      return 2;
    }
  }
}

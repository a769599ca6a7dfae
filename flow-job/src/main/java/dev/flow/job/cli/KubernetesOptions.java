package dev.flow.job.cli;

import dev.flow.job.deploy.DeploySpec;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The rendering options that {@code flow deploy} and {@code flow factory deploy} share: the
 * FlinkDeployment's, where each flow keeps its state, and where the files go.
 */
final class KubernetesOptions {
  @Option(
      names = "--image",
      defaultValue = DeploySpec.DEFAULT_IMAGE,
      description = "The image with the Flow jar (default: ${DEFAULT-VALUE}).")
  String image;

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
      names = "--state-dir",
      paramLabel = "URI",
      description =
          "Shared storage for checkpoints, savepoints and HA: a flow's own, e.g."
              + " s3://bucket/flows/NAME; for a factory, the one under which each flow keeps"
              + " NAME, e.g. s3://bucket/flows (default: file:///flink-data/NAME on a"
              + " PersistentVolumeClaim NAME-state per flow that is rendered too).")
  String stateDir;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "Write each resource to a file of its own here, not to stdout: NAME-configmap.yaml,"
              + " -secret.yaml, -pvc.yaml and -flinkdeployment.yaml, for a factory after NN-, the"
              + " flow's place in the order.")
  Path output;
}

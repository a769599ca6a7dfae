package dev.flow.job.cli;

import dev.flow.job.deploy.DeploySpec;
import picocli.CommandLine.Option;

/** The FlinkDeployment options that {@code flow deploy} and {@code flow factory deploy} share. */
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
}

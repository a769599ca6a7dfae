package dev.flow.job.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code flow deploy} renders: the flow and parameter files, the resource name, the image and
 * where the job keeps its state.
 *
 * @param flow the flow file
 * @param params parameter set files, applied in order
 * @param name the name of the FlinkDeployment; the ConfigMap is {@code NAME-flow}
 * @param image the container image that holds {@code /opt/flink/usrlib/flow-job.jar}
 * @param stateDir the base URI for checkpoints, savepoints and HA metadata (shared storage)
 * @param upgradeMode the operator's upgrade mode: savepoint, last-state or stateless
 * @param parallelism the job's parallelism
 * @param serviceAccount the service account the Flink pods run as
 * @param stateBackend the flow's {@code settings.stateBackend} (hashmap or rocksdb), which the job
 *     applies and the rendered Flink configuration repeats; null to leave it out
 * @param flowFiles files the flow references (schemas, manifests), by their path relative to the
 *     flow file's folder, which is where they are mounted next to the flow
 */
public record DeploySpec(
    Path flow,
    List<Path> params,
    String name,
    String image,
    String stateDir,
    String upgradeMode,
    int parallelism,
    String serviceAccount,
    String stateBackend,
    Map<String, Path> flowFiles) {

  public DeploySpec {
    params = List.copyOf(params);
    flowFiles = flowFiles == null ? Map.of() : new LinkedHashMap<>(flowFiles);
  }

  /** A spec without a state backend of its own and without referenced files. */
  public DeploySpec(
      Path flow,
      List<Path> params,
      String name,
      String image,
      String stateDir,
      String upgradeMode,
      int parallelism,
      String serviceAccount) {
    this(
        flow,
        params,
        name,
        image,
        stateDir,
        upgradeMode,
        parallelism,
        serviceAccount,
        null,
        Map.of());
  }

  /** Where the ConfigMap's files are mounted inside the Flink containers. */
  public static final String FLOWS_DIR = "/opt/flow/flows";

  /** The cluster jar's place inside the image. */
  public static final String JAR_URI = "local:///opt/flink/usrlib/flow-job.jar";

  /** The image's default name, as built by {@code deploy/Dockerfile}. */
  public static final String DEFAULT_IMAGE = "flow:0.1.0";

  /** Whether a name can name a FlinkDeployment: a DNS label of at most 45 characters. */
  public static boolean isValidName(String name) {
    return name.length() <= 45 && name.matches("[a-z]([-a-z0-9]*[a-z0-9])?");
  }

  /**
   * Turns a file name into a Kubernetes resource name: lower case letters, digits and dashes, at
   * most 45 characters (the operator derives longer service names from it).
   */
  public static String resourceName(String fileName) {
    String base = fileName.replaceFirst("\\.(ya?ml|json)$", "").toLowerCase();
    String name = base.replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
    name = name.replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
    if (name.length() > 45) {
      name = name.substring(0, 45).replaceAll("-+$", "");
    }
    return name.isEmpty() ? "flow" : name;
  }
}

package dev.flow.job.deploy;

import dev.flow.parse.ParameterSets;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.apache.flink.kubernetes.operator.api.spec.JobManagerSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.apache.flink.kubernetes.operator.api.spec.Resource;
import org.apache.flink.kubernetes.operator.api.spec.TaskManagerSpec;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;

/**
 * Builds the Kubernetes resources for one flow: a ConfigMap with the flow, its plain parameter
 * files and the files it references; a Secret with the parameter files that hold a secret; a claim
 * for a local state directory; and an application-mode FlinkDeployment of the Flink Kubernetes
 * Operator that runs it.
 */
public final class K8sManifests {

  /** The label every rendered resource carries, so that {@code kubectl -l} finds them. */
  public static final String FLOW_LABEL = "flow.dev/flow";

  /** Where the Secret's parameter files are mounted inside the Flink containers. */
  public static final String SECRETS_DIR = "/opt/flow/secrets";

  private static final String VOLUME = "flow-files";
  private static final String SECRET_VOLUME = "flow-secret-params";
  private static final String STATE_VOLUME = "flow-state";
  private static final String STATE_SIZE = "10Gi";
  private static final long FLINK_GROUP = 9999L;
  private static final int PROMETHEUS_PORT = 9249;

  /** A ConfigMap holds at most 1 MiB in all. */
  private static final long MAX_FILE_BYTES = 1L << 20;

  private K8sManifests() {}

  /**
   * The ConfigMap {@code NAME-flow}: one entry per file, keyed by the file's name: the flow, its
   * parameter files that hold no secret, and the files the flow references (keyed by their path in
   * the flow's folder, {@code /} written {@code _}).
   */
  public static ConfigMap configMap(DeploySpec spec) throws IOException {
    Map<String, String> data = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    files.add(spec.flow());
    spec.params().stream().filter(p -> !holdsSecret(p)).forEach(files::add);
    for (Path file : files) {
      put(data, configKey(file), file);
    }
    for (var e : spec.flowFiles().entrySet()) {
      put(data, fileKey(e.getKey()), e.getValue());
    }
    return new ConfigMapBuilder()
        .withMetadata(metadata(configMapName(spec), spec.name()))
        .withData(data)
        .build();
  }

  /**
   * The Secret {@code NAME-secrets} with the parameter files that hold a secret parameter, mounted
   * at {@value #SECRETS_DIR}; null when no parameter file holds one.
   */
  public static Secret secret(DeploySpec spec) throws IOException {
    Map<String, String> data = new LinkedHashMap<>();
    for (Path file : spec.params()) {
      if (holdsSecret(file)) {
        put(data, configKey(file), file);
      }
    }
    if (data.isEmpty()) {
      return null;
    }
    // Base64 under data, as Kubernetes itself shows a Secret: the value never stands in the
    // rendered text as it was written.
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach(
        (k, v) ->
            encoded.put(
                k,
                java.util.Base64.getEncoder()
                    .encodeToString(v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withMetadata(metadata(secretName(spec), spec.name()))
        .withType("Opaque")
        .withData(encoded)
        .build();
  }

  /**
   * The PersistentVolumeClaim {@code NAME-state} that holds a {@code file://} state directory
   * (checkpoints, savepoints, HA), shared by the JobManager and the TaskManagers; null when the
   * state directory is not a local path of the pods.
   */
  public static PersistentVolumeClaim stateClaim(DeploySpec spec) {
    if (stateMountPath(spec) == null) {
      return null;
    }
    return new PersistentVolumeClaimBuilder()
        .withMetadata(metadata(stateClaimName(spec), spec.name()))
        .withNewSpec()
        .withAccessModes("ReadWriteMany")
        .withNewResources()
        .addToRequests("storage", new Quantity(STATE_SIZE))
        .endResources()
        .endSpec()
        .build();
  }

  /**
   * Every resource {@code flow deploy} renders, in the order to apply them: the ConfigMap, the
   * Secret (when a parameter file holds a secret), the state claim (with {@code stateClaim} and a
   * {@code file://} state directory) and the FlinkDeployment.
   */
  public static List<Object> resources(DeploySpec spec, boolean stateClaim) throws IOException {
    List<Object> all = new ArrayList<>();
    all.add(configMap(spec));
    Secret secret = secret(spec);
    if (secret != null) {
      all.add(secret);
    }
    FlinkDeployment fd = flinkDeployment(spec);
    PersistentVolumeClaim claim = stateClaim ? stateClaim(spec) : null;
    if (claim != null) {
      all.add(claim);
      mountStateClaim(fd, spec);
    }
    all.add(fd);
    return all;
  }

  /** Mounts the claim of {@link #stateClaim} at the state directory in the Flink containers. */
  public static void mountStateClaim(FlinkDeployment fd, DeploySpec spec) {
    String path = stateMountPath(spec);
    if (path == null) {
      return;
    }
    var pod = fd.getSpec().getPodTemplate().getSpec();
    // Flink's image runs as user and group 9999; the claim's files must be writable by it.
    pod.setSecurityContext(new PodSecurityContextBuilder().withFsGroup(FLINK_GROUP).build());
    pod.getVolumes()
        .add(
            new VolumeBuilder()
                .withName(STATE_VOLUME)
                .withNewPersistentVolumeClaim()
                .withClaimName(stateClaimName(spec))
                .endPersistentVolumeClaim()
                .build());
    pod.getContainers()
        .get(0)
        .getVolumeMounts()
        .add(new VolumeMountBuilder().withName(STATE_VOLUME).withMountPath(path).build());
  }

  /** The pods' local path of a {@code file://} state directory, or null for other storage. */
  static String stateMountPath(DeploySpec spec) {
    String dir = spec.stateDir();
    if (!dir.startsWith("file:")) {
      return null;
    }
    String path = java.net.URI.create(dir).getPath();
    return path == null || path.isEmpty() ? null : path.replaceAll("/+$", "");
  }

  /** The name of the Secret with the secret parameter files. */
  public static String secretName(DeploySpec spec) {
    return spec.name() + "-secrets";
  }

  /** The name of the claim that holds a local state directory. */
  public static String stateClaimName(DeploySpec spec) {
    return spec.name() + "-state";
  }

  /**
   * The ConfigMap key of a referenced file: its path in the flow's folder, {@code /} as {@code _}.
   */
  static String fileKey(String relative) {
    return relative.replace('/', '_').replaceAll("[^-._a-zA-Z0-9]", "_");
  }

  /** Whether a parameter file holds a parameter marked {@code secret: true}. */
  static boolean holdsSecret(Path params) {
    ParameterSets.Loaded loaded = ParameterSets.load(List.of(params));
    ParameterSets sets = loaded.sets();
    if (sets == null) {
      return false;
    }
    for (String set : sets.setNames()) {
      for (String name : sets.names(set)) {
        ParameterSets.Parameter p = sets.get(set, name);
        if (p != null && p.secret()) {
          return true;
        }
      }
    }
    return false;
  }

  private static void put(Map<String, String> data, String key, Path file) throws IOException {
    if (data.containsKey(key)) {
      throw new IllegalArgumentException(
          "two files are named " + key + "; give the parameter files distinct names");
    }
    try {
      data.put(key, dev.flow.parse.FileText.readUtf8(file, MAX_FILE_BYTES));
    } catch (dev.flow.parse.FileText.ReadException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The FlinkDeployment that runs the flow from the mounted ConfigMap. */
  public static FlinkDeployment flinkDeployment(DeploySpec spec) {
    FlinkDeployment deployment = new FlinkDeployment();
    deployment.setMetadata(metadata(spec.name(), spec.name()));
    FlinkDeploymentSpec s = new FlinkDeploymentSpec();
    s.setImage(spec.image());
    s.setFlinkVersion(FlinkVersion.v1_20);
    s.setServiceAccount(spec.serviceAccount());
    s.setFlinkConfiguration(flinkConfiguration(spec));
    s.setPodTemplate(podTemplate(spec));
    s.setJobManager(new JobManagerSpec(new Resource(1.0, "1600m", null), 1, null));
    s.setTaskManager(new TaskManagerSpec(new Resource(1.0, "1728m", null), null, null));
    JobSpec job = new JobSpec();
    job.setJarURI(DeploySpec.JAR_URI);
    job.setEntryClass("dev.flow.job.FlowJob");
    job.setArgs(args(spec).toArray(String[]::new));
    job.setParallelism(spec.parallelism());
    job.setUpgradeMode(upgradeMode(spec.upgradeMode()));
    job.setState(JobState.RUNNING);
    s.setJob(job);
    deployment.setSpec(s);
    deployment.setStatus(null);
    return deployment;
  }

  /** The name of the ConfigMap that holds the flow. */
  public static String configMapName(DeploySpec spec) {
    return spec.name() + "-flow";
  }

  /**
   * The ConfigMap key, and so the mounted file name, of a file: its name with every character that
   * a key may not hold replaced by {@code _}.
   */
  public static String configKey(Path file) {
    return file.getFileName().toString().replaceAll("[^-._a-zA-Z0-9]", "_");
  }

  /** Parses an upgrade mode as written in the CRD: savepoint, last-state or stateless. */
  public static UpgradeMode upgradeMode(String mode) {
    for (UpgradeMode m : UpgradeMode.values()) {
      if (m.toString().equals(mode) || m.name().equalsIgnoreCase(mode.replace('-', '_'))) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown upgrade mode " + mode + "; use savepoint, last-state or stateless");
  }

  /**
   * The Flink settings: the flow's state backend, state directories, Kubernetes HA and the
   * Prometheus reporter. The state directories use the keys the operator 1.10 checks ({@code
   * state.checkpoints.dir}, {@code state.savepoints.dir}); Flink 1.20 reads them as fallbacks of
   * the {@code execution.checkpointing} keys.
   */
  static Map<String, String> flinkConfiguration(DeploySpec spec) {
    String base = spec.stateDir().replaceAll("/+$", "");
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("taskmanager.numberOfTaskSlots", "2");
    if (spec.stateBackend() != null) {
      // The job applies the flow's settings.stateBackend; the configuration says the same.
      conf.put("state.backend.type", spec.stateBackend());
      if (spec.stateBackend().equals("rocksdb")) {
        conf.put("state.backend.incremental", "true");
      }
    }
    conf.put("state.checkpoints.dir", base + "/checkpoints");
    conf.put("state.savepoints.dir", base + "/savepoints");
    conf.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    conf.put("high-availability.type", "kubernetes");
    conf.put("high-availability.storageDir", base + "/ha");
    conf.put("restart-strategy.type", "exponential-delay");
    conf.put(
        "metrics.reporter.prom.factory.class",
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    conf.put("metrics.reporter.prom.port", String.valueOf(PROMETHEUS_PORT));
    return conf;
  }

  private static List<String> args(DeploySpec spec) {
    List<String> args = new ArrayList<>();
    args.add("--flow");
    args.add(DeploySpec.FLOWS_DIR + "/" + configKey(spec.flow()));
    for (Path p : spec.params()) {
      args.add("--params");
      args.add((holdsSecret(p) ? SECRETS_DIR : DeploySpec.FLOWS_DIR) + "/" + configKey(p));
    }
    return args;
  }

  private static PodTemplateSpec podTemplate(DeploySpec spec) {
    PodTemplateSpec pod = basePodTemplate(spec);
    if (!spec.flowFiles().isEmpty()) {
      // Referenced files keep their place relative to the flow, so the flow finds them.
      List<KeyToPath> items = new ArrayList<>();
      items.add(new KeyToPath(configKey(spec.flow()), null, configKey(spec.flow())));
      spec.params().stream()
          .filter(p -> !holdsSecret(p))
          .forEach(p -> items.add(new KeyToPath(configKey(p), null, configKey(p))));
      spec.flowFiles().keySet().forEach(f -> items.add(new KeyToPath(fileKey(f), null, f)));
      pod.getSpec().getVolumes().get(0).getConfigMap().setItems(items);
    }
    if (spec.params().stream().anyMatch(K8sManifests::holdsSecret)) {
      pod.getSpec()
          .getVolumes()
          .add(
              new VolumeBuilder()
                  .withName(SECRET_VOLUME)
                  .withNewSecret()
                  .withSecretName(secretName(spec))
                  .endSecret()
                  .build());
      pod.getSpec()
          .getContainers()
          .get(0)
          .getVolumeMounts()
          .add(
              new VolumeMountBuilder()
                  .withName(SECRET_VOLUME)
                  .withMountPath(SECRETS_DIR)
                  .withReadOnly(true)
                  .build());
    }
    return pod;
  }

  private static PodTemplateSpec basePodTemplate(DeploySpec spec) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .addToAnnotations("prometheus.io/scrape", "true")
        .addToAnnotations("prometheus.io/port", String.valueOf(PROMETHEUS_PORT))
        .endMetadata()
        .withNewSpec()
        .addToContainers(
            new ContainerBuilder()
                .withName("flink-main-container")
                .addToPorts(
                    new ContainerPortBuilder()
                        .withName("metrics")
                        .withContainerPort(PROMETHEUS_PORT)
                        .withProtocol("TCP")
                        .build())
                .addNewVolumeMount()
                .withName(VOLUME)
                .withMountPath(DeploySpec.FLOWS_DIR)
                .withReadOnly(true)
                .endVolumeMount()
                .build())
        .addNewVolume()
        .withName(VOLUME)
        .withNewConfigMap()
        .withName(configMapName(spec))
        .endConfigMap()
        .endVolume()
        .endSpec()
        .build();
  }

  private static ObjectMeta metadata(String name, String flowName) {
    return new ObjectMetaBuilder()
        .withName(name)
        .addToLabels("app.kubernetes.io/part-of", "flow")
        .addToLabels(FLOW_LABEL, flowName)
        .build();
  }
}

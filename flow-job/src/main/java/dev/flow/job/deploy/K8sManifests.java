package dev.flow.job.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
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
 * Builds the Kubernetes resources for one flow: a ConfigMap with the flow and its parameter files,
 * a Secret with the parameter files that hold secrets, and an application-mode FlinkDeployment of
 * the Flink Kubernetes Operator that runs it.
 */
public final class K8sManifests {

  /** The label every rendered resource carries, so that {@code kubectl -l} finds them. */
  public static final String FLOW_LABEL = "flow.dev/flow";

  private static final String VOLUME = "flow-files";
  private static final int PROMETHEUS_PORT = 9249;

  /** A ConfigMap holds at most 1 MiB in all. */
  private static final long MAX_FILE_BYTES = 1L << 20;

  private K8sManifests() {}

  /**
   * The ConfigMap {@code NAME-flow}: one entry per file, keyed by the file's name; parameter files
   * that hold a secret parameter go into the {@link #secret Secret} instead.
   */
  public static ConfigMap configMap(DeploySpec spec) throws IOException {
    Map<String, String> data = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : texts(spec).entrySet()) {
      if (!secretKeys(spec).contains(f.getKey())) {
        data.put(f.getKey(), f.getValue());
      }
    }
    return new ConfigMapBuilder()
        .withMetadata(metadata(configMapName(spec), spec.name()))
        .withData(data)
        .build();
  }

  /**
   * The Secret {@code NAME-secrets} with the parameter files that hold a secret parameter, mounted
   * next to the ConfigMap's files; empty when no parameter is secret.
   */
  public static java.util.Optional<Secret> secret(DeploySpec spec) throws IOException {
    java.util.Set<String> keys = secretKeys(spec);
    if (keys.isEmpty()) {
      return java.util.Optional.empty();
    }
    Map<String, String> data = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : texts(spec).entrySet()) {
      if (keys.contains(f.getKey())) {
        data.put(
            f.getKey(),
            java.util.Base64.getEncoder()
                .encodeToString(f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
    }
    return java.util.Optional.of(
        new SecretBuilder()
            .withMetadata(metadata(secretName(spec), spec.name()))
            .withType("Opaque")
            .withData(data)
            .build());
  }

  /** The name of the Secret that holds the parameter files with secrets. */
  public static String secretName(DeploySpec spec) {
    return spec.name() + "-secrets";
  }

  /** Each file's text by its key, the flow first. */
  private static Map<String, String> texts(DeploySpec spec) {
    Map<String, String> data = new LinkedHashMap<>();
    for (Path file : files(spec)) {
      String key = configKey(file);
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
    return data;
  }

  /** The keys of the parameter files that hold a parameter marked secret. */
  private static java.util.Set<String> secretKeys(DeploySpec spec) {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    for (Path p : spec.params()) {
      dev.flow.parse.ParameterSets sets = dev.flow.parse.ParameterSets.load(List.of(p)).sets();
      boolean secret = false;
      for (String set : sets.setNames()) {
        for (String name : sets.names(set)) {
          secret |= sets.get(set, name).secret();
        }
      }
      if (secret) {
        keys.add(configKey(p));
      }
    }
    return keys;
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
   * The Flink settings: state directories, Kubernetes HA and the Prometheus reporter. The state
   * directories use the keys the operator 1.10 checks ({@code state.checkpoints.dir}, {@code
   * state.savepoints.dir}); Flink 1.20 reads them as fallbacks of the {@code
   * execution.checkpointing} keys.
   */
  static Map<String, String> flinkConfiguration(DeploySpec spec) {
    String base = spec.stateDir().replaceAll("/+$", "");
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("taskmanager.numberOfTaskSlots", "2");
    conf.put("state.backend.type", "rocksdb");
    conf.put("state.backend.incremental", "true");
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
      args.add(DeploySpec.FLOWS_DIR + "/" + configKey(p));
    }
    return args;
  }

  private static PodTemplateSpec podTemplate(DeploySpec spec) {
    // the ConfigMap alone, or the ConfigMap and the Secret projected into one folder
    Volume files =
        secretKeys(spec).isEmpty()
            ? new VolumeBuilder()
                .withName(VOLUME)
                .withNewConfigMap()
                .withName(configMapName(spec))
                .endConfigMap()
                .build()
            : new VolumeBuilder()
                .withName(VOLUME)
                .withNewProjected()
                .withSources(volumeSources(spec))
                .endProjected()
                .build();
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
        .addToVolumes(files)
        .endSpec()
        .build();
  }

  /** The ConfigMap's files and the Secret's, in one folder. */
  private static List<VolumeProjection> volumeSources(DeploySpec spec) {
    List<VolumeProjection> sources = new ArrayList<>();
    sources.add(
        new VolumeProjectionBuilder()
            .withNewConfigMap()
            .withName(configMapName(spec))
            .endConfigMap()
            .build());
    sources.add(
        new VolumeProjectionBuilder()
            .withNewSecret()
            .withName(secretName(spec))
            .endSecret()
            .build());
    return sources;
  }

  private static ObjectMeta metadata(String name, String flowName) {
    return new ObjectMetaBuilder()
        .withName(name)
        .addToLabels("app.kubernetes.io/part-of", "flow")
        .addToLabels(FLOW_LABEL, flowName)
        .build();
  }

  private static List<Path> files(DeploySpec spec) {
    List<Path> files = new ArrayList<>();
    files.add(spec.flow());
    files.addAll(spec.params());
    return files;
  }
}

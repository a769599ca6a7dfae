package dev.flow.job.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
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
 * and an application-mode FlinkDeployment of the Flink Kubernetes Operator that runs it.
 */
public final class K8sManifests {

  /** The label every rendered resource carries, so that {@code kubectl -l} finds them. */
  public static final String FLOW_LABEL = "flow.dev/flow";

  private static final String VOLUME = "flow-files";
  private static final int PROMETHEUS_PORT = 9249;

  /** A ConfigMap holds at most 1 MiB in all. */
  private static final long MAX_FILE_BYTES = 1L << 20;

  private K8sManifests() {}

  /** The ConfigMap {@code NAME-flow}: one entry per file, keyed by the file's name. */
  public static ConfigMap configMap(DeploySpec spec) throws IOException {
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
    return new ConfigMapBuilder()
        .withMetadata(metadata(configMapName(spec), spec.name()))
        .withData(data)
        .build();
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

  private static List<Path> files(DeploySpec spec) {
    List<Path> files = new ArrayList<>();
    files.add(spec.flow());
    files.addAll(spec.params());
    return files;
  }
}

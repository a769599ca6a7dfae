package dev.flow.server.deploy.engine;

import dev.flow.job.deploy.DeploySpec;
import dev.flow.job.deploy.K8sManifests;
import dev.flow.parse.ParameterSets.Parameter;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * The resources that run one flow on Kubernetes, rendered by {@code flow deploy}'s own code ({@link
 * K8sManifests}): the ConfigMap with the flow and its plain parameter sets, the FlinkDeployment,
 * and, for parameter sets that hold a secret and for the reporting file (the server's ingest URL
 * and the deployment's token), a Secret mounted next to the ConfigMap, so that no secret and no
 * token sits in a ConfigMap or a job argument: the arguments only name the mounted files.
 */
public final class KubernetesResources {
  /** Where the Secret's parameter files are mounted in the Flink containers. */
  public static final String SECRETS_DIR = "/opt/flow/secrets";

  private static final String SECRET_VOLUME = "flow-secrets";

  /** The reporting file's name in the Secret, and so under {@link #SECRETS_DIR}. */
  public static final String REPORT_FILE = "report.json";

  /** What an environment of kind kubernetes fixes for every flow it runs. */
  public record Settings(String image, String stateDir, String serviceAccount, int parallelism) {}

  /**
   * The rendered resources; {@code secret} is null when no parameter set holds a secret and the
   * request reports nowhere.
   */
  public record Rendered(ConfigMap configMap, Secret secret, FlinkDeployment deployment) {}

  private KubernetesResources() {}

  /** Renders the resources of {@code request} under the name {@code request.name()}. */
  public static Rendered render(JobRequest request, Settings settings) throws EngineException {
    if (!DeploySpec.isValidName(request.name())) {
      throw new EngineException(
          "'"
              + request.name()
              + "' cannot name a FlinkDeployment: use at most 45 lower case letters, digits and dashes");
    }
    Map<String, Map<String, Parameter>> plain = new LinkedHashMap<>();
    Map<String, Map<String, Parameter>> secret = new LinkedHashMap<>();
    request
        .parameterSets()
        .forEach(
            (name, set) ->
                (set.values().stream().anyMatch(Parameter::secret) ? secret : plain)
                    .put(name, set));
    Path dir = null;
    try {
      dir = Files.createTempDirectory("flow-k8s-");
      Path flow = dir.resolve(request.fileName());
      Files.writeString(flow, request.yaml());
      List<Path> params = new ArrayList<>();
      for (var e : plain.entrySet()) {
        Path p = dir.resolve(e.getKey() + ".yaml");
        Files.write(p, FlowFileServer.ParameterFiles.json(e.getKey(), e.getValue()));
        params.add(p);
      }
      String state = settings.stateDir().replaceAll("/+$", "") + "/" + request.name();
      DeploySpec spec =
          new DeploySpec(
              flow,
              params,
              request.name(),
              settings.image(),
              state,
              "savepoint",
              settings.parallelism(),
              settings.serviceAccount());
      ConfigMap cm = K8sManifests.configMap(spec);
      FlinkDeployment fd = K8sManifests.flinkDeployment(spec);
      Secret s = null;
      if (!secret.isEmpty() || request.reporting() != null) {
        s = secret(request.name(), secret, request.reporting());
        mountSecret(fd, s.getMetadata().getName(), secret.keySet(), request.reporting() != null);
      }
      if (request.savepoint() != null) {
        fd.getSpec().getJob().setInitialSavepointPath(request.savepoint());
        fd.getSpec().getJob().setAllowNonRestoredState(request.allowNonRestoredState());
      }
      return new Rendered(cm, s, fd);
    } catch (IOException e) {
      throw new EngineException("cannot render the Kubernetes resources: " + e.getMessage(), e);
    } finally {
      delete(dir);
    }
  }

  private static Secret secret(
      String name,
      Map<String, Map<String, Parameter>> sets,
      dev.flow.job.ServerReporting reporting) {
    Map<String, String> data = new LinkedHashMap<>();
    sets.forEach(
        (set, params) ->
            data.put(
                set + ".yaml",
                new String(
                    FlowFileServer.ParameterFiles.json(set, params), StandardCharsets.UTF_8)));
    if (reporting != null) {
      data.put(REPORT_FILE, reporting.toJson());
    }
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name + "-secrets")
        .addToLabels("app.kubernetes.io/part-of", "flow")
        .addToLabels(K8sManifests.FLOW_LABEL, name)
        .endMetadata()
        .withType("Opaque")
        .withStringData(data)
        .build();
  }

  private static void mountSecret(
      FlinkDeployment fd, String secretName, Iterable<String> sets, boolean report) {
    var pod = fd.getSpec().getPodTemplate().getSpec();
    pod.getVolumes()
        .add(
            new VolumeBuilder()
                .withName(SECRET_VOLUME)
                .withNewSecret()
                .withSecretName(secretName)
                .endSecret()
                .build());
    Container main = pod.getContainers().get(0);
    main.getVolumeMounts()
        .add(
            new VolumeMountBuilder()
                .withName(SECRET_VOLUME)
                .withMountPath(SECRETS_DIR)
                .withReadOnly(true)
                .build());
    List<String> args = new ArrayList<>(List.of(fd.getSpec().getJob().getArgs()));
    for (String set : sets) {
      args.add("--params");
      args.add(SECRETS_DIR + "/" + set + ".yaml");
    }
    if (report) {
      args.add("--report");
      args.add(SECRETS_DIR + "/" + REPORT_FILE);
    }
    fd.getSpec().getJob().setArgs(args.toArray(String[]::new));
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary folder; nothing else to do.
    }
  }
}

package dev.flow.job.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource in {@code deploy/k8s/} passes the operator's CRD schema, and every flow it runs
 * exists (in a ConfigMap of the same file, or as an example baked into the image) and is valid.
 */
class K8sExamplesTest {
  private static final Path K8S = Path.of("../deploy/k8s");
  private static final String FLOWS_DIR = DeploySpec.FLOWS_DIR + "/";

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(K8S)) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(files).hasSizeGreaterThanOrEqualTo(3);
      return files.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void resourcesPassTheCrdSchemaAndRunValidFlows(Path file, @TempDir Path tmp) throws Exception {
    List<JsonNode> docs;
    try (MappingIterator<JsonNode> it =
        new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
      docs = it.readAll();
    }
    Map<String, JsonNode> configMaps = new HashMap<>();
    List<JsonNode> jobs = new ArrayList<>();
    for (JsonNode doc : docs) {
      String kind = doc.path("kind").asText();
      switch (kind) {
        case "FlinkDeployment" -> {
          assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(doc)).as(file.toString()).isEmpty();
          checkStateSettings(doc);
          if (doc.at("/spec/job").isObject()) {
            jobs.add(doc);
          }
        }
        case "FlinkSessionJob" -> {
          assertThat(CrdSchema.FLINK_SESSION_JOB.validate(doc)).as(file.toString()).isEmpty();
          jobs.add(doc);
        }
        case "ConfigMap" -> configMaps.put(doc.at("/metadata/name").asText(), doc);
        case "PersistentVolumeClaim" ->
            assertThat(doc.at("/spec/accessModes/0").asText()).isEqualTo("ReadWriteMany");
        default -> throw new AssertionError(file + ": unexpected kind " + kind);
      }
    }
    assertThat(jobs).as(file + " runs a job").isNotEmpty();
    for (JsonNode job : jobs) {
      Path flow = flowOf(job, configMaps, tmp);
      var validated = FlowCompiler.validate(flow.toString(), List.of(), false);
      List<Problem> problems = validated.problems();
      assertThat(problems).as(file + ": " + flow).noneMatch(Problem::isError);
      // The job applies the flow's state backend; a configuration that names another one lies.
      JsonNode backend = job.at("/spec/flinkConfiguration/state.backend.type");
      if (!backend.isMissingNode()) {
        assertThat(backend.asText())
            .as(file + ": state.backend.type")
            .isEqualTo(validated.settings().stateBackend().name().toLowerCase());
      }
    }
  }

  /** The operator refuses savepoint and last-state upgrades without these settings. */
  private static void checkStateSettings(JsonNode deployment) {
    String mode = deployment.at("/spec/job/upgradeMode").asText("stateless");
    JsonNode conf = deployment.at("/spec/flinkConfiguration");
    if (!mode.equals("stateless")) {
      assertThat(conf.path("state.savepoints.dir").asText()).isNotEmpty();
      assertThat(conf.path("state.checkpoints.dir").asText()).isNotEmpty();
    }
    if (mode.equals("last-state")) {
      assertThat(conf.path("high-availability.type").asText()).isEqualTo("kubernetes");
    }
    assertThat(conf.path("metrics.reporter.prom.factory.class").asText())
        .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
  }

  /** The flow a job runs: from a ConfigMap mounted at the flows folder, or from examples/. */
  private static Path flowOf(JsonNode job, Map<String, JsonNode> configMaps, Path tmp) {
    List<String> args = new ArrayList<>();
    job.at("/spec/job/args").forEach(a -> args.add(a.asText()));
    int i = args.indexOf("--flow");
    assertThat(i).as("--flow argument").isNotNegative();
    String path = args.get(i + 1);
    assertThat(path).startsWith(FLOWS_DIR);
    String name = path.substring(FLOWS_DIR.length());
    for (JsonNode volume : job.at("/spec/podTemplate/spec/volumes")) {
      String cmName = volume.at("/configMap/name").asText();
      if (!cmName.isEmpty()) {
        JsonNode cm = configMaps.get(cmName);
        assertThat(cm).as("ConfigMap " + cmName + " in the same file").isNotNull();
        assertThat(cm.at("/data/" + name).isTextual()).as(name + " in " + cmName).isTrue();
        try {
          return Files.writeString(tmp.resolve(name), cm.at("/data/" + name).asText());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    Path example = Path.of("../examples", name);
    assertThat(example).as("a flow the image holds").exists();
    return example;
  }
}

package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flow.job.deploy.CrdSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flow deploy}: the rendered YAML parses, passes the operator's CRD schema and runs the
 * flow.
 */
class DeployCommandTest {
  private static final String FLOW = "../examples/kafka-orders.yaml";
  private static final YAMLMapper YAML = new YAMLMapper();

  static List<JsonNode> documents(String yaml) throws Exception {
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      return it.readAll().stream().filter(n -> !n.isMissingNode() && !n.isNull()).toList();
    }
  }

  @Test
  void rendersAConfigMapAndAFlinkDeploymentThatPassTheCrdSchema() throws Exception {
    CliRunner.Result r = CliRunner.run("deploy", FLOW, "--image", "registry.example/flow:1.2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    assertThat(docs).hasSize(2);

    JsonNode cm = docs.get(0);
    assertThat(cm.get("kind").asText()).isEqualTo("ConfigMap");
    assertThat(cm.at("/metadata/name").asText()).isEqualTo("kafka-orders-flow");
    assertThat(cm.at("/data/kafka-orders.yaml").asText())
        .isEqualTo(Files.readString(Path.of(FLOW)));

    JsonNode fd = docs.get(1);
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
    assertThat(fd.at("/metadata/name").asText()).isEqualTo("kafka-orders");
    assertThat(fd.at("/spec/image").asText()).isEqualTo("registry.example/flow:1.2");
    assertThat(fd.at("/spec/flinkVersion").asText()).isEqualTo("v1_20");
    JsonNode job = fd.at("/spec/job");
    assertThat(job.get("jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/flow-job.jar");
    assertThat(job.get("entryClass").asText()).isEqualTo("dev.flow.job.FlowJob");
    assertThat(YAML.convertValue(job.get("args"), List.class))
        .containsExactly("--flow", "/opt/flow/flows/kafka-orders.yaml");
    assertThat(job.get("upgradeMode").asText()).isEqualTo("savepoint");
    JsonNode conf = fd.at("/spec/flinkConfiguration");
    assertThat(conf.get("state.checkpoints.dir").asText())
        .isEqualTo("file:///flink-data/kafka-orders/checkpoints");
    assertThat(conf.get("state.savepoints.dir").asText())
        .isEqualTo("file:///flink-data/kafka-orders/savepoints");
    assertThat(conf.get("high-availability.type").asText()).isEqualTo("kubernetes");
    assertThat(conf.get("metrics.reporter.prom.factory.class").asText())
        .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    assertThat(conf.get("metrics.reporter.prom.port").isTextual()).isTrue();
    JsonNode pod = fd.at("/spec/podTemplate/spec");
    assertThat(pod.at("/volumes/0/configMap/name").asText()).isEqualTo("kafka-orders-flow");
    assertThat(pod.at("/containers/0/name").asText()).isEqualTo("flink-main-container");
    assertThat(pod.at("/containers/0/volumeMounts/0/mountPath").asText())
        .isEqualTo("/opt/flow/flows");
  }

  @Test
  void paramsFilesGoIntoTheConfigMapAndTheArguments(@TempDir Path dir) throws Exception {
    Path params = dir.resolve("prod.yaml");
    Files.writeString(params, "parameters:\n  topic: orders\n");
    CliRunner.Result r =
        CliRunner.run(
            "deploy",
            FLOW,
            "--params",
            params.toString(),
            "--name",
            "orders",
            "--state-dir",
            "s3://bucket/flows/orders/",
            "--upgrade-mode",
            "last-state");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    assertThat(docs.get(0).at("/data/prod.yaml").asText())
        .isEqualTo("parameters:\n  topic: orders\n");
    JsonNode fd = docs.get(1);
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
    assertThat(YAML.convertValue(fd.at("/spec/job/args"), List.class))
        .containsExactly(
            "--flow", "/opt/flow/flows/kafka-orders.yaml", "--params", "/opt/flow/flows/prod.yaml");
    assertThat(fd.at("/spec/job/upgradeMode").asText()).isEqualTo("last-state");
    assertThat(fd.at("/spec/flinkConfiguration/high-availability.storageDir").asText())
        .isEqualTo("s3://bucket/flows/orders/ha");
  }

  @Test
  void aParameterFileWithASecretGoesIntoAKubernetesSecretNotTheConfigMap(@TempDir Path dir)
      throws Exception {
    String secret = "pa55-w0rd-77aa";
    Path params = dir.resolve("prod.yaml");
    String text =
        "parameters:\n  topic: orders\n  password: {value: \"" + secret + "\", secret: true}\n";
    Files.writeString(params, text);
    Path plain = dir.resolve("plain.yaml");
    Files.writeString(plain, "parameters:\n  group: g1\n");
    CliRunner.Result r =
        CliRunner.run(
            "deploy",
            FLOW,
            "--params",
            params.toString(),
            "--params",
            plain.toString(),
            "--name",
            "orders");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out() + r.err()).doesNotContain(secret);
    List<JsonNode> docs = documents(r.out());
    assertThat(docs)
        .extracting(d -> d.get("kind").asText())
        .containsExactly("ConfigMap", "Secret", "FlinkDeployment");
    assertThat(docs.get(0).get("data").fieldNames())
        .toIterable()
        .containsExactly("kafka-orders.yaml", "plain.yaml");
    assertThat(docs.get(1).at("/metadata/name").asText()).isEqualTo("orders-secrets");
    assertThat(docs.get(1).get("data").fieldNames()).toIterable().containsExactly("prod.yaml");
    assertThat(
            new String(
                java.util.Base64.getDecoder().decode(docs.get(1).at("/data/prod.yaml").asText()),
                java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(text);
    JsonNode fd = docs.get(2);
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
    assertThat(YAML.convertValue(fd.at("/spec/job/args"), List.class))
        .containsExactly(
            "--flow", "/opt/flow/flows/kafka-orders.yaml",
            "--params", "/opt/flow/flows/prod.yaml",
            "--params", "/opt/flow/flows/plain.yaml");
    // One folder holds both: the ConfigMap's files and the Secret's.
    JsonNode sources = fd.at("/spec/podTemplate/spec/volumes/0/projected/sources");
    assertThat(sources.at("/0/configMap/name").asText()).isEqualTo("orders-flow");
    assertThat(sources.at("/1/secret/name").asText()).isEqualTo("orders-secrets");

    Path out = dir.resolve("out");
    CliRunner.Result w =
        CliRunner.run(
            "deploy",
            FLOW,
            "--params",
            params.toString(),
            "--name",
            "orders",
            "-o",
            out.toString());
    assertThat(w.exitCode()).as(w.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly(
              "orders-configmap.yaml", "orders-flinkdeployment.yaml", "orders-secret.yaml");
    }
    assertThat(Files.readString(out.resolve("orders-configmap.yaml"))).doesNotContain(secret);
  }

  @Test
  void outputFolderGetsOneFilePerResource(@TempDir Path dir) throws Exception {
    CliRunner.Result r = CliRunner.run("deploy", FLOW, "--name", "orders", "-o", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(documents(Files.readString(dir.resolve("orders-configmap.yaml"))))
        .singleElement()
        .satisfies(n -> assertThat(n.get("kind").asText()).isEqualTo("ConfigMap"));
    JsonNode fd = documents(Files.readString(dir.resolve("orders-flinkdeployment.yaml"))).get(0);
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
  }

  @Test
  void brokenFlowPrintsItsProblemsAndRendersNothing() {
    String broken = "src/test/resources/flows/broken.yaml";
    CliRunner.Result r = CliRunner.run("deploy", broken);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            broken
                + ":9:13: error: stage \"tidy\": unknown action 'Remap Feilds'; did you mean"
                + " 'Remap Fields'?")
        .doesNotContain("FlinkDeployment")
        .doesNotContain("\tat ");
  }

  @Test
  void unknownUpgradeModeIsAUsageError() {
    CliRunner.Result r = CliRunner.run("deploy", FLOW, "--upgrade-mode", "sometimes");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("unknown upgrade mode sometimes; use savepoint, last-state or stateless");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theSchemaCheckRejectsWhatTheOperatorWould() throws Exception {
    CliRunner.Result r = CliRunner.run("deploy", FLOW);
    JsonNode fd = documents(r.out()).get(1);
    var job = (com.fasterxml.jackson.databind.node.ObjectNode) fd.at("/spec/job");
    job.put("upgradeMode", "sometimes");
    job.put("jarUri", "typo");
    ((com.fasterxml.jackson.databind.node.ObjectNode) fd.at("/spec/flinkConfiguration"))
        .put("taskmanager.numberOfTaskSlots", 2);
    assertThat(String.join("\n", CrdSchema.FLINK_DEPLOYMENT.validate(fd)))
        .contains("upgradeMode")
        .contains("jarUri")
        .contains("taskmanager.numberOfTaskSlots");
  }

  @Test
  void invalidNameIsAUsageError() {
    CliRunner.Result r = CliRunner.run("deploy", FLOW, "--name", "Orders_1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("flow deploy: --name Orders_1 is not a valid resource name");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void fileNamesBecomeValidNamesAndKeys(@TempDir Path dir) throws Exception {
    Path flow = dir.resolve("My Orders (v2).yaml");
    Files.copy(Path.of(FLOW), flow);
    CliRunner.Result r = CliRunner.run("deploy", flow.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    assertThat(docs.get(0).at("/metadata/name").asText()).isEqualTo("my-orders-v2-flow");
    assertThat(docs.get(0).get("data").fieldNames())
        .toIterable()
        .containsExactly("My_Orders__v2_.yaml");
    assertThat(docs.get(1).at("/metadata/name").asText()).isEqualTo("my-orders-v2");
    assertThat(docs.get(1).at("/spec/job/args/1").asText())
        .isEqualTo("/opt/flow/flows/My_Orders__v2_.yaml");
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(docs.get(1))).isEmpty();
  }
}

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

  static JsonNode kind(List<JsonNode> docs, String kind) {
    return docs.stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + docs));
  }

  @Test
  void rendersAConfigMapAndAFlinkDeploymentThatPassTheCrdSchema() throws Exception {
    CliRunner.Result r = CliRunner.run("deploy", FLOW, "--image", "registry.example/flow:1.2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    assertThat(docs)
        .extracting(d -> d.get("kind").asText())
        .containsExactly("ConfigMap", "PersistentVolumeClaim", "FlinkDeployment");

    JsonNode cm = docs.get(0);
    assertThat(cm.get("kind").asText()).isEqualTo("ConfigMap");
    assertThat(cm.at("/metadata/name").asText()).isEqualTo("kafka-orders-flow");
    assertThat(cm.at("/data/kafka-orders.yaml").asText())
        .isEqualTo(Files.readString(Path.of(FLOW)));

    JsonNode fd = docs.get(2);
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
    assertThat(docs).hasSize(2); // no claim: the state lives in S3
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
    JsonNode fd = kind(documents(r.out()), "FlinkDeployment");
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
    JsonNode fd = kind(docs, "FlinkDeployment");
    assertThat(fd.at("/metadata/name").asText()).isEqualTo("my-orders-v2");
    assertThat(fd.at("/spec/job/args/1").asText()).isEqualTo("/opt/flow/flows/My_Orders__v2_.yaml");
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
  }

  @Test
  void theRenderedStateBackendIsTheOneTheJobApplies(@TempDir Path dir) throws Exception {
    JsonNode conf =
        kind(documents(CliRunner.run("deploy", FLOW).out()), "FlinkDeployment")
            .at("/spec/flinkConfiguration");
    assertThat(conf.get("state.backend.type").asText()).isEqualTo("hashmap");
    assertThat(conf.has("state.backend.incremental")).isFalse();

    Path flow = dir.resolve("stateful.yaml");
    Files.writeString(
        flow,
        """
        name: stateful
        settings: {stateBackend: rocksdb}
        stages:
          - {name: in, action: Inline Records, props: {records: [{id: 1}]}, out: [print]}
          - {name: print, action: Log}
        """);
    CliRunner.Result r = CliRunner.run("deploy", flow.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    conf = kind(documents(r.out()), "FlinkDeployment").at("/spec/flinkConfiguration");
    assertThat(conf.get("state.backend.type").asText()).isEqualTo("rocksdb");
    assertThat(conf.get("state.backend.incremental").asText()).isEqualTo("true");
  }

  @Test
  void theDefaultStateDirectoryIsAClaimMountedInThePods() throws Exception {
    List<JsonNode> docs = documents(CliRunner.run("deploy", FLOW).out());
    JsonNode claim = kind(docs, "PersistentVolumeClaim");
    assertThat(claim.at("/metadata/name").asText()).isEqualTo("kafka-orders-state");
    assertThat(claim.at("/spec/accessModes/0").asText()).isEqualTo("ReadWriteMany");
    assertThat(claim.at("/spec/resources/requests/storage").asText()).isEqualTo("10Gi");
    JsonNode pod = kind(docs, "FlinkDeployment").at("/spec/podTemplate/spec");
    assertThat(pod.at("/volumes/1/name").asText()).isEqualTo("flow-state");
    assertThat(pod.at("/volumes/1/persistentVolumeClaim/claimName").asText())
        .isEqualTo("kafka-orders-state");
    assertThat(pod.at("/containers/0/volumeMounts/1/name").asText()).isEqualTo("flow-state");
    assertThat(pod.at("/containers/0/volumeMounts/1/mountPath").asText())
        .isEqualTo("/flink-data/kafka-orders");
    assertThat(pod.at("/securityContext/fsGroup").asInt()).isEqualTo(9999);
  }

  @Test
  void secretParameterFilesGoIntoASecretNotTheConfigMap(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("plain.yaml");
    Files.writeString(plain, "parameters:\n  topic: orders\n");
    Path secret = dir.resolve("creds.yaml");
    Files.writeString(secret, "parameters:\n  password: {value: s3cr3t-value, secret: true}\n");
    CliRunner.Result r =
        CliRunner.run("deploy", FLOW, "--params", plain.toString(), "--params", secret.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    assertThat(docs)
        .extracting(d -> d.get("kind").asText())
        .containsExactly("ConfigMap", "Secret", "PersistentVolumeClaim", "FlinkDeployment");
    JsonNode cm = kind(docs, "ConfigMap");
    assertThat(cm.get("data").fieldNames())
        .toIterable()
        .containsExactly("kafka-orders.yaml", "plain.yaml");
    assertThat(cm.toString()).doesNotContain("s3cr3t-value");
    JsonNode s = kind(docs, "Secret");
    assertThat(s.at("/metadata/name").asText()).isEqualTo("kafka-orders-secrets");
    assertThat(s.toString()).doesNotContain("s3cr3t-value");
    assertThat(
            new String(
                java.util.Base64.getDecoder().decode(s.at("/data/creds.yaml").asText()),
                java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(secret));
    JsonNode fd = kind(docs, "FlinkDeployment");
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
    assertThat(YAML.convertValue(fd.at("/spec/job/args"), List.class))
        .containsExactly(
            "--flow",
            "/opt/flow/flows/kafka-orders.yaml",
            "--params",
            "/opt/flow/flows/plain.yaml",
            "--params",
            "/opt/flow/secrets/creds.yaml");
    JsonNode pod = fd.at("/spec/podTemplate/spec");
    assertThat(pod.at("/volumes/1/secret/secretName").asText()).isEqualTo("kafka-orders-secrets");
    assertThat(pod.at("/containers/0/volumeMounts/1/mountPath").asText())
        .isEqualTo("/opt/flow/secrets");
    assertThat(fd.toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void filesTheFlowReferencesGoIntoTheConfigMapNextToTheFlow(@TempDir Path dir) throws Exception {
    Path flow = CheckedFlow.write(dir);
    CliRunner.Result r = CliRunner.run("deploy", flow.toString(), "--state-dir", "s3://b/c");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    JsonNode cm = kind(docs, "ConfigMap");
    assertThat(cm.at("/data/schemas_order.json").asText()).isEqualTo(CheckedFlow.SCHEMA);
    JsonNode fd = kind(docs, "FlinkDeployment");
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
    JsonNode items = fd.at("/spec/podTemplate/spec/volumes/0/configMap/items");
    assertThat(YAML.convertValue(items, List.class))
        .containsExactly(
            java.util.Map.of("key", "checked.yaml", "path", "checked.yaml"),
            java.util.Map.of("key", "schemas_order.json", "path", "schemas/order.json"));
  }

  @Test
  void aReferencedFileOutsideTheFlowsFolderIsAUsageError(@TempDir Path dir) throws Exception {
    Path flows = Files.createDirectories(dir.resolve("flows"));
    Files.writeString(dir.resolve("order.json"), "{}");
    Path flow = flows.resolve("checked.yaml");
    Files.writeString(
        flow,
        """
        name: checked
        stages:
          - name: in
            action: Inline Records
            props: {records: [{id: 1}]}
            out: [print]
          - name: print
            action: Log
            props: {expectedInput: {file: ../order.json}}
        """);
    CliRunner.Result r = CliRunner.run("deploy", flow.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "flow deploy: stage \"print\" reads "
                + dir.resolve("order.json")
                + ", which is outside the flow's folder "
                + flows
                + "; only files in that folder are deployed with the flow\n");
    assertThat(r.out()).isEmpty();
  }
}

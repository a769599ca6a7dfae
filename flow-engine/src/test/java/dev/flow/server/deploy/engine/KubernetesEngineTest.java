package dev.flow.server.deploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.job.deploy.CrdSchema;
import dev.flow.job.deploy.ManifestWriter;
import dev.flow.parse.ParameterSets.Parameter;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kubernetes engine's resources pass the operator's CRD schema, with the secret only in a
 * Secret. No Kubernetes API server can run here (and fabric8's in-memory one fails with the
 * project's Jackson 2.20), so the apply, status and stop calls of {@link KubernetesEngine} are
 * compiled against the fabric8 client but not exercised.
 */
class KubernetesEngineTest {
  static final String FLOW =
      """
      name: orders
      stages:
        - name: orders
          action: Kafka Trigger
          props:
            bootstrapServers: ${kafka__bootstrap}
            topics: [orders]
            properties:
              ssl.key.password: ${kafka__password}
          out: [sink]
        - name: sink
          action: Log
          out: []
      """;

  static final KubernetesResources.Settings SETTINGS =
      new KubernetesResources.Settings("registry.example/flow:1", "s3://bucket/flows", "flink", 2);

  static JobRequest request() {
    return new JobRequest(
        "orders",
        "orders.yaml",
        FLOW,
        Map.of(
            "kafka",
            Map.of(
                "bootstrap", new Parameter("kafka:9092", false),
                "password", new Parameter("k8s-s3cret", true)),
            "plain",
            Map.of("region", new Parameter("eu", false))),
        null,
        false);
  }

  @Test
  void rendersResourcesThatPassTheCrdSchemaWithTheSecretInASecretOnly() throws Exception {
    KubernetesResources.Rendered r =
        KubernetesResources.render(request().fromSavepoint("s3://bucket/sp-1", true), SETTINGS);
    JsonNode fd = ManifestWriter.toTree(r.deployment());
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
    assertThat(fd.at("/spec/job/initialSavepointPath").asText()).isEqualTo("s3://bucket/sp-1");
    assertThat(fd.at("/spec/job/allowNonRestoredState").asBoolean()).isTrue();
    assertThat(fd.at("/spec/flinkConfiguration/state.savepoints.dir").asText())
        .isEqualTo("s3://bucket/flows/orders/savepoints");
    assertThat(ManifestWriter.toTree(r.deployment().getSpec().getJob()).get("args"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "--flow",
            "/opt/flow/flows/orders.yaml",
            "--params",
            "/opt/flow/flows/plain.yaml",
            "--params",
            "/opt/flow/secrets/kafka.yaml");
    assertThat(fd.at("/spec/podTemplate/spec/volumes/1/secret/secretName").asText())
        .isEqualTo("orders-secrets");
    assertThat(fd.toString()).doesNotContain("k8s-s3cret");

    ConfigMap cm = r.configMap();
    assertThat(cm.getData()).containsOnlyKeys("orders.yaml", "plain.yaml");
    assertThat(cm.getData().get("orders.yaml")).isEqualTo(FLOW);
    assertThat(ManifestWriter.toYaml(cm)).doesNotContain("k8s-s3cret");
    Secret s = r.secret();
    assertThat(s.getStringData()).containsOnlyKeys("kafka.yaml");
    assertThat(s.getStringData().get("kafka.yaml"))
        .contains("\"password\":{\"value\":\"k8s-s3cret\",\"secret\":true}");
  }

  @Test
  void theReportLinkAndTokenReachTheJobFromTheSecretOnly() throws Exception {
    String token = "flowi_k8sTok3nValue";
    JobRequest req =
        request()
            .withReporting(
                new dev.flow.job.ServerReporting(
                    "http://flow.example:8080/api/v1/ingest/d-7", token));
    KubernetesResources.Rendered r = KubernetesResources.render(req, SETTINGS);
    JsonNode fd = ManifestWriter.toTree(r.deployment());
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
    assertThat(ManifestWriter.toTree(r.deployment().getSpec().getJob()).get("args"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "--flow",
            "/opt/flow/flows/orders.yaml",
            "--params",
            "/opt/flow/flows/plain.yaml",
            "--params",
            "/opt/flow/secrets/kafka.yaml",
            "--report",
            "/opt/flow/secrets/report.json");
    assertThat(fd.at("/spec/podTemplate/spec/volumes/1/name").asText()).isEqualTo("flow-secrets");
    assertThat(fd.at("/spec/podTemplate/spec/volumes/1/secret/secretName").asText())
        .isEqualTo("orders-secrets");
    assertThat(fd.at("/spec/podTemplate/spec/containers/0/volumeMounts").toString())
        .contains("\"mountPath\":\"/opt/flow/secrets\"");
    assertThat(fd.toString()).doesNotContain(token).doesNotContain("flow.example");
    assertThat(ManifestWriter.toYaml(r.configMap())).doesNotContain(token);
    assertThat(r.configMap().getData()).containsOnlyKeys("orders.yaml", "plain.yaml");
    Secret s = r.secret();
    assertThat(s.getMetadata().getName()).isEqualTo("orders-secrets");
    assertThat(s.getStringData()).containsOnlyKeys("kafka.yaml", "report.json");
    assertThat(dev.flow.job.ServerReporting.read(write(s.getStringData().get("report.json"))))
        .extracting(dev.flow.job.ServerReporting::ingestUrl, dev.flow.job.ServerReporting::token)
        .containsExactly("http://flow.example:8080/api/v1/ingest/d-7", token);
  }

  @Test
  void aFlowWithNoSecretSetStillGetsItsTokenFromASecret() throws Exception {
    JobRequest plain =
        new JobRequest(
                "orders",
                "orders.yaml",
                FLOW,
                Map.of("plain", Map.of("region", new Parameter("eu", false))),
                null,
                false)
            .withReporting(
                new dev.flow.job.ServerReporting("http://flow:8080/api/v1/ingest/d-8", "flowi_x1"));
    KubernetesResources.Rendered r = KubernetesResources.render(plain, SETTINGS);
    assertThat(r.secret()).isNotNull();
    assertThat(r.secret().getStringData()).containsOnlyKeys("report.json");
    JsonNode fd = ManifestWriter.toTree(r.deployment());
    assertThat(CrdSchema.FLINK_DEPLOYMENT.validate(fd)).isEmpty();
    assertThat(ManifestWriter.toTree(r.deployment().getSpec().getJob()).get("args"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "--flow",
            "/opt/flow/flows/orders.yaml",
            "--params",
            "/opt/flow/flows/plain.yaml",
            "--report",
            "/opt/flow/secrets/report.json");
    assertThat(fd.toString()).doesNotContain("flowi_x1");
  }

  private static java.nio.file.Path write(String text) throws java.io.IOException {
    java.nio.file.Path p = java.nio.file.Files.createTempFile("report", ".json");
    java.nio.file.Files.writeString(p, text);
    p.toFile().deleteOnExit();
    return p;
  }
}

package dev.flow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.client.FlowApiException;
import dev.flow.client.FlowClient;
import dev.flow.client.model.ApiToken;
import dev.flow.client.model.ConfigurationChange;
import dev.flow.client.model.ConflictMode;
import dev.flow.client.model.ExportRequest;
import dev.flow.client.model.Flow;
import dev.flow.client.model.FlowConfiguration;
import dev.flow.client.model.FlowDiff;
import dev.flow.client.model.FlowGraph;
import dev.flow.client.model.FlowPage;
import dev.flow.client.model.FlowQuery;
import dev.flow.client.model.FlowUpdate;
import dev.flow.client.model.ImportReport;
import dev.flow.client.model.NewFlow;
import dev.flow.client.model.ParameterSet;
import dev.flow.client.model.PreviewRequest;
import dev.flow.client.model.PreviewResponse;
import dev.flow.client.model.Project;
import dev.flow.client.model.TokenRole;
import dev.flow.client.model.Validation;
import dev.flow.server.FlowServer;
import dev.flow.server.testing.Stores;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation of the Java client against a real server started in this JVM. */
class FlowClientITCase {
  private static FlowServer server;
  private static FlowClient client;
  private static String quickstart;

  @BeforeAll
  static void start() throws Exception {
    server = Stores.start(Stores.freshData(), null);
    client =
        FlowClient.builder("http://127.0.0.1:" + server.port())
            .token(server.firstAdminToken().orElseThrow())
            .build();
    quickstart = Files.readString(Path.of("../examples/quickstart.yaml"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theCatalogOperations() {
    assertThat(client.health().status()).isEqualTo("ok");
    client.projects().create("ops", "client operations");
    assertThat(client.projects().list()).extracting(Project::name).contains("default", "ops");

    Flow f =
        client
            .flows()
            .create(
                "ops",
                NewFlow.of(quickstart).withLabels(Map.of("team", "core")).withMessage("first"));
    assertThat(f.name()).isEqualTo("Quick start");
    assertThat(f.version()).isEqualTo(1);
    assertThat(f.project()).isEqualTo("ops");
    assertThatThrownBy(() -> client.flows().create("ops", NewFlow.of(quickstart)))
        .isInstanceOfSatisfying(FlowApiException.class, e -> assertThat(e.status()).isEqualTo(409));

    for (int i = 0; i < 3; i++) {
      client.flows().create("ops", NewFlow.of(quickstart).withName("extra " + i));
    }
    FlowPage page = client.flows().list(FlowQuery.all().inProject("ops").page(1, 2));
    assertThat(page.total()).isEqualTo(4);
    assertThat(page.items()).hasSize(2);
    assertThat(page.items().get(0).yaml()).isNull();
    assertThat(client.flows().listAll(FlowQuery.all().inProject("ops").page(0, 1))).hasSize(4);
    assertThat(client.flows().listAll(FlowQuery.all().inProject("ops").withLabel("team", "core")))
        .extracting(Flow::name)
        .containsExactly("Quick start");
    assertThat(client.flows().listAll(FlowQuery.all().inProject("ops").named("extra 1")))
        .extracting(Flow::name)
        .containsExactly("extra 1");

    assertThat(client.flows().get(f.id()).yaml()).isEqualTo(quickstart);
    assertThat(client.flows().byName("ops", "Quick start").id()).isEqualTo(f.id());

    String v2 = quickstart.replace("amount > 100", "amount > 200");
    Flow updated = client.flows().update(f.id(), FlowUpdate.yaml(1, v2).withMessage("raise"));
    assertThat(updated.version()).isEqualTo(2);
    assertThatThrownBy(() -> client.flows().update(f.id(), FlowUpdate.yaml(1, quickstart)))
        .isInstanceOfSatisfying(
            FlowApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.intProperty("currentVersion")).isEqualTo(2);
            });
    assertThat(client.flows().versions(f.id()))
        .extracting(v -> v.version() + " " + v.message())
        .containsExactly("1 first", "2 raise");
    assertThat(client.flows().version(f.id(), 1).yaml()).isEqualTo(quickstart);
    FlowDiff diff = client.flows().diff(f.id(), 1, 2);
    assertThat(diff.textDiff())
        .contains("-      condition: amount > 100", "+      condition: amount > 200");

    Flow copy = client.flows().duplicate(f.id(), "copy", "a copy");
    assertThat(copy.description()).isEqualTo("a copy");
    client.flows().delete(copy.id());
    assertThat(client.flows().find("ops", "copy")).isEmpty();
  }

  @Test
  void validatePreviewGraphAndConfiguration() {
    client.projects().create("tools", null);
    Flow f = client.flows().create("tools", NewFlow.of(quickstart));
    assertThat(client.flows().validate(f.id(), null).valid()).isTrue();
    Validation bad =
        client.flows().validate(f.id(), quickstart.replace("out: [tidy]", "out: [nowhere]"));
    assertThat(bad.valid()).isFalse();
    assertThat(bad.problems().get(0).file()).isEqualTo("flow.yaml");
    assertThat(bad.problems().get(0).line()).isPositive();
    assertThat(client.flows().validateYaml("tools", quickstart, null).valid()).isTrue();

    PreviewResponse p = client.flows().preview(f.id(), PreviewRequest.stored().withLimit(10));
    assertThat(p.stage("big orders").output()).hasSize(2);

    FlowGraph g = client.flows().graph(f.id());
    assertThat(g.svg()).startsWith("<svg");
    assertThat(g.nodes()).extracting(FlowGraph.Node::name).contains("orders", "tidy");
    assertThat(g.edges()).contains(new FlowGraph.Edge("orders", "tidy"));

    FlowConfiguration c = client.flows().configuration(f.id());
    assertThat(c.baseVersion()).isEqualTo(1);
    Flow changed =
        client
            .flows()
            .configure(
                f.id(),
                new ConfigurationChange(1, Map.of("checkpointing.interval", "30s"), "ckpt"));
    assertThat(changed.version()).isEqualTo(2);
    assertThat(client.flows().configuration(f.id()).get("checkpointing.interval")).isEqualTo("30s");
  }

  @Test
  void parameterSetsExportImportAndTokens() throws Exception {
    client.projects().create("sets", null);
    client
        .parameterSets()
        .create(
            "sets",
            new ParameterSet(
                "kafka",
                Map.of(
                    "bootstrap", ParameterSet.Parameter.plain("k:9092"),
                    "password", ParameterSet.Parameter.secret("hunter2-secret"))));
    ParameterSet read = client.parameterSets().get("sets", "kafka");
    assertThat(read.parameters().get("password"))
        .isEqualTo(new ParameterSet.Parameter("***", true));
    client
        .parameterSets()
        .update(
            "sets",
            new ParameterSet(
                "kafka",
                Map.of(
                    "bootstrap",
                    ParameterSet.Parameter.plain("k:9093"),
                    "password",
                    new ParameterSet.Parameter("***", true))));
    client
        .flows()
        .create(
            "sets",
            NewFlow.of(
                    quickstart.replace("description: Tidies", "description: ${kafka__bootstrap}"))
                .withParameterSets(java.util.List.of("kafka")));

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    client.transfer().export(ExportRequest.project("sets").withPlainSecrets(true), zip);
    assertThat(zip.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("PK");

    client.projects().create("copy", null);
    ImportReport r = client.transfer().importZip("copy", zip.toByteArray(), ConflictMode.skip);
    assertThat(r.flows()).extracting(ImportReport.Entry::result).containsExactly("created");
    assertThat(r.parameterSets()).extracting(ImportReport.Entry::name).containsExactly("kafka");
    assertThat(client.parameterSets().get("copy", "kafka").parameters().get("bootstrap").value())
        .isEqualTo("k:9093");
    assertThatThrownBy(() -> client.parameterSets().delete("sets", "kafka"))
        .isInstanceOfSatisfying(
            FlowApiException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("409 Conflict: parameter set 'kafka' is used by Quick start"));
    client.flows().delete(client.flows().byName("sets", "Quick start").id());
    client.parameterSets().delete("sets", "kafka");
    assertThat(client.parameterSets().find("sets", "kafka")).isEmpty();

    ApiToken t = client.tokens().create("reader", TokenRole.read);
    assertThat(t.token()).isNotBlank();
    assertThat(client.tokens().list()).extracting(ApiToken::name).contains("reader");
    FlowClient reader = FlowClient.builder(client.server().toString()).token(t.token()).build();
    assertThat(reader.flows().listAll(FlowQuery.all().inProject("copy"))).hasSize(1);
    assertThatThrownBy(() -> reader.flows().create("copy", NewFlow.of(quickstart).withName("x")))
        .isInstanceOfSatisfying(FlowApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    client.tokens().delete("reader");
    assertThatThrownBy(() -> reader.flows().list(FlowQuery.all()))
        .isInstanceOfSatisfying(FlowApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(client.openApi().path("openapi").asText()).startsWith("3.");
  }
}

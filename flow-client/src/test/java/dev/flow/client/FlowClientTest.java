package dev.flow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.client.model.ApiProblem;
import dev.flow.client.model.ConflictMode;
import dev.flow.client.model.ExportRequest;
import dev.flow.client.model.Flow;
import dev.flow.client.model.FlowPage;
import dev.flow.client.model.FlowQuery;
import dev.flow.client.model.FlowUpdate;
import dev.flow.client.model.ImportReport;
import dev.flow.client.model.NewFlow;
import dev.flow.client.model.ParameterSet;
import dev.flow.client.model.ParameterSet.Parameter;
import dev.flow.client.model.TokenRole;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's requests on the wire and its reading of answers, against a real HTTP server. */
class FlowClientTest {
  private static final String FLOW =
      "{\"id\":\"f1\",\"project\":\"default\",\"name\":\"Quick start\",\"description\":\"d\","
          + "\"labels\":{\"team\":\"core\"},\"version\":3,\"parameterSets\":[\"orders\"],"
          + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"updatedAt\":\"2026-12-01T11:00:00Z\","
          + "\"yaml\":\"name: Quick start\\n\",\"somethingNew\":1}";

  private RecordingServer server;
  private FlowClient client;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    client = FlowClient.builder(server.url()).token("t0k3n").build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void createSendsTheYamlAndOnlyTheFieldsGivenWithTheBearerToken() {
    server.json(201, FLOW);
    Flow f =
        client
            .flows()
            .create("shop", NewFlow.of("name: Quick start\n").withParameterSets(List.of("orders")));
    RecordingServer.Request r = server.last();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/api/v1/flows");
    assertThat(r.query()).isEqualTo("project=shop");
    assertThat(r.header("Authorization")).isEqualTo("Bearer t0k3n");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.bodyText())
        .isEqualTo("{\"yaml\":\"name: Quick start\\n\",\"parameterSets\":[\"orders\"]}");
    assertThat(f.id()).isEqualTo("f1");
    assertThat(f.version()).isEqualTo(3);
    assertThat(f.labels()).containsEntry("team", "core");
    assertThat(f.updatedAt()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
    assertThat(f.yaml()).isEqualTo("name: Quick start\n");
  }

  @Test
  void listEncodesEveryFilterAndReadsThePage() {
    server.json(
        200,
        "{\"items\":["
            + FLOW.replace(",\"yaml\":\"name: Quick start\\n\"", "")
            + "],"
            + "\"page\":1,\"size\":2,\"total\":3}");
    FlowPage p =
        client
            .flows()
            .list(
                FlowQuery.all()
                    .inProject("my project")
                    .withLabel("team", "core")
                    .containing("a&b")
                    .page(1, 2));
    assertThat(server.last().query())
        .isEqualTo("project=my%20project&label=team%3Dcore&q=a%26b&page=1&size=2");
    assertThat(p.items()).extracting(Flow::name).containsExactly("Quick start");
    assertThat(p.items().get(0).yaml()).isNull();
    assertThat(p.total()).isEqualTo(3);
    assertThat(p.hasMore()).isFalse();
  }

  @Test
  void listAllFollowsThePages() {
    String item = FLOW.replace(",\"yaml\":\"name: Quick start\\n\"", "");
    server.json(200, "{\"items\":[" + item + "," + item + "],\"page\":0,\"size\":2,\"total\":3}");
    server.json(200, "{\"items\":[" + item + "],\"page\":1,\"size\":2,\"total\":3}");
    List<Flow> all = client.flows().listAll(FlowQuery.all().page(0, 2));
    assertThat(all).hasSize(3);
    assertThat(server.requests())
        .extracting(RecordingServer.Request::query)
        .containsExactly("page=0&size=2", "page=1&size=2");
  }

  @Test
  void byNameEncodesTheNameAsOnePathSegment() {
    server.json(200, FLOW);
    client.flows().byName(null, "Quick start/v2");
    assertThat(server.last().path()).isEqualTo("/api/v1/flows/by-name/Quick%20start%2Fv2");
    assertThat(server.last().query()).isNull();
  }

  @Test
  void findGivesEmptyOn404() {
    server.problem(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no flow 'x'\"}");
    assertThat(client.flows().find("default", "x")).isEmpty();
  }

  @Test
  void staleUpdateIsAFlowApiExceptionWithTheCurrentVersion() {
    server.problem(
        409,
        "{\"type\":\"https://flow.dev/problems/stale-version\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"the flow is at version 4, not 3\",\"currentVersion\":4}");
    assertThatThrownBy(() -> client.flows().update("f1", FlowUpdate.yaml(3, "name: x\n")))
        .isInstanceOfSatisfying(
            FlowApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.type()).isEqualTo("https://flow.dev/problems/stale-version");
              assertThat(e.detail()).isEqualTo("the flow is at version 4, not 3");
              assertThat(e.intProperty("currentVersion")).isEqualTo(4);
              assertThat(e.getMessage()).isEqualTo("409 Conflict: the flow is at version 4, not 3");
            });
    assertThat(server.last().method()).isEqualTo("PUT");
    assertThat(server.last().bodyText()).isEqualTo("{\"baseVersion\":3,\"yaml\":\"name: x\\n\"}");
  }

  @Test
  void locatedProblemsAreCarried() {
    server.problem(
        422,
        "{\"title\":\"Invalid flow\",\"status\":422,\"problems\":[{\"file\":\"flow.yaml\","
            + "\"line\":7,\"column\":17,\"stage\":\"orders\",\"severity\":\"error\","
            + "\"message\":\"'out' names an unknown stage\"}]}");
    assertThatThrownBy(() -> client.flows().create(null, NewFlow.of("x")))
        .isInstanceOfSatisfying(
            FlowApiException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new ApiProblem(
                            "flow.yaml",
                            7,
                            17,
                            "orders",
                            null,
                            "error",
                            "'out' names an unknown stage",
                            null)));
  }

  @Test
  void anErrorThatIsNotAProblemDetailKeepsItsText() {
    server.bytes(502, "text/html", "<h1>Bad gateway</h1>".getBytes());
    assertThatThrownBy(() -> client.flows().get("f1"))
        .isInstanceOfSatisfying(
            FlowApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.getMessage()).isEqualTo("502 Bad Gateway: <h1>Bad gateway</h1>");
            });
  }

  @Test
  void aRefusedConnectionNamesTheUrl() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    FlowClient nowhere = FlowClient.builder("http://127.0.0.1:" + port).build();
    assertThatThrownBy(() -> nowhere.flows().get("f1"))
        .isExactlyInstanceOf(FlowClientException.class)
        .hasMessage(
            "cannot connect to the Flow server at http://127.0.0.1:"
                + port
                + " (connection refused); is it running? Set the URL with --server or"
                + " FLOW_SERVER");
  }

  @Test
  void parameterSetsRoundTripWithMaskedSecrets() {
    server.json(
        200,
        "{\"items\":[{\"name\":\"orders\",\"parameters\":{\"bootstrap\":{\"value\":\"k:9092\","
            + "\"secret\":false},\"password\":{\"value\":\"***\",\"secret\":true}}}]}");
    List<ParameterSet> sets = client.parameterSets().list("shop");
    assertThat(sets.get(0).parameters())
        .containsEntry("bootstrap", Parameter.plain("k:9092"))
        .containsEntry("password", new Parameter("***", true));
    server.json(200, "{\"name\":\"orders\",\"parameters\":{}}");
    client
        .parameterSets()
        .update("shop", new ParameterSet("orders", Map.of("password", Parameter.secret("s3"))));
    assertThat(server.last().method()).isEqualTo("PUT");
    assertThat(server.last().path()).isEqualTo("/api/v1/parameter-sets/orders");
    assertThat(server.last().bodyText())
        .isEqualTo(
            "{\"name\":\"orders\",\"parameters\":{\"password\":{\"value\":\"s3\","
                + "\"secret\":true}}}");
  }

  @Test
  void exportStreamsTheZipAndImportUploadsIt(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    byte[] zip = {'P', 'K', 3, 4, 1, 2, 3};
    server.bytes(200, "application/zip", zip);
    Path file = dir.resolve("x.zip");
    long n =
        client
            .transfer()
            .export(ExportRequest.flows("shop", List.of("a", "b c")).withPlainSecrets(true), file);
    assertThat(n).isEqualTo(zip.length);
    assertThat(Files.readAllBytes(file)).isEqualTo(zip);
    assertThat(server.last().query()).isEqualTo("project=shop&flow=a&flow=b%20c&plainSecrets=true");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }

    server.json(
        200,
        "{\"flows\":[{\"name\":\"a\",\"result\":\"renamed\",\"newName\":\"a (1)\"}],"
            + "\"parameterSets\":[{\"name\":\"orders\",\"result\":\"skipped\","
            + "\"reason\":\"exists\"}]}");
    ImportReport r = client.transfer().importZip("shop", file, ConflictMode.rename);
    assertThat(server.last().path()).isEqualTo("/api/v1/import");
    assertThat(server.last().query()).isEqualTo("project=shop&conflictResolution=rename");
    assertThat(server.last().header("Content-Type")).isEqualTo("application/zip");
    assertThat(server.last().body()).isEqualTo(zip);
    assertThat(r.flows())
        .containsExactly(new ImportReport.Entry("a", "renamed", "a (1)", null, null));
    assertThat(r.parameterSets().get(0).reason()).isEqualTo("exists");
  }

  @Test
  void aFailedExportLeavesNoFile(@org.junit.jupiter.api.io.TempDir Path dir) {
    server.problem(
        403,
        "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"plain secrets need"
            + " the admin role\"}");
    Path file = dir.resolve("x.zip");
    assertThatThrownBy(
            () ->
                client.transfer().export(ExportRequest.project(null).withPlainSecrets(true), file))
        .hasMessage("403 Forbidden: plain secrets need the admin role");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void tokensAndHealth() {
    server.json(201, "{\"name\":\"ci\",\"role\":\"read\",\"token\":\"abc\"}");
    assertThat(client.tokens().create("ci", TokenRole.read).token()).isEqualTo("abc");
    assertThat(server.last().bodyText()).contains("\"role\":\"read\"").contains("\"name\":\"ci\"");
    server.json(200, "{\"status\":\"ok\"}");
    assertThat(client.health().status()).isEqualTo("ok");
    server.json(204, "");
    client.flows().delete("f1");
    assertThat(server.last().method()).isEqualTo("DELETE");
    assertThat(server.last().path()).isEqualTo("/api/v1/flows/f1");
  }

  @Test
  void aServerUrlThatIsNotHttpIsRefusedUpFront() {
    assertThatThrownBy(() -> FlowClient.builder("localhost:8090"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the server URL must be http(s)://HOST[:PORT], found 'localhost:8090'");
  }
}

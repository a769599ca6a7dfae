package dev.flow.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.flow.expr.Template;
import dev.flow.record.Json;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.TestFlows;
import dev.flow.testing.TestFlows.Lines;
import dev.flow.testing.TestFlows.LinesTrigger;
import dev.flow.translate.FlowTranslator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the HTTP publisher on a MiniCluster against a WireMock API. */
class HttpPublishITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  static WireMockServer api;

  @BeforeAll
  static void startApi() {
    api =
        new WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options()
                .dynamicPort()
                .containerThreads(20));
    api.start();
  }

  @AfterAll
  static void stopApi() {
    api.stop();
  }

  @BeforeEach
  void reset() {
    api.resetAll();
  }

  @Test
  void oneRequestPerRecordWithRetriesAuthAndPermanentFailuresToTheErrorStage() throws Exception {
    api.stubFor(post(urlPathMatching("/contacts/.*")).willReturn(aResponse().withStatus(201)));
    for (int i = 0; i < 10; i++) {
      String url = "/contacts/" + i;
      api.stubFor(
          post(urlEqualTo(url))
              .inScenario(url)
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withStatus(503))
              .willSetStateTo("up"));
      api.stubFor(
          post(urlEqualTo(url))
              .inScenario(url)
              .whenScenarioStateIs("up")
              .willReturn(aResponse().withStatus(200)));
    }
    api.stubFor(
        post(urlEqualTo("/contacts/13"))
            .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"bad email\"}")));
    HttpPublishOptions o =
        options(
            "/contacts/{id}", HttpPublishOptions.Batch.RECORD, 1, Duration.ofMillis(100), 100.0);
    run("publish-each", o, ids(40), FlowSettings.defaults(), false);
    settle();

    Set<Integer> delivered = new TreeSet<>();
    for (LoggedRequest r : api.findAll(postRequestedFor(urlPathMatching("/contacts/.*")))) {
      JsonNode body = Json.MAPPER.readTree(r.getBodyAsString());
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer t0ken");
      assertThat(r.getHeader("X-Api-Key")).isEqualTo("k3y");
      assertThat(r.getUrl()).isEqualTo("/contacts/" + body.get("id").asInt());
      delivered.add(body.get("id").asInt());
    }
    assertThat(delivered).hasSize(40);
    assertThat(api.findAll(postRequestedFor(urlEqualTo("/contacts/4")))).hasSize(2);
    assertThat(api.findAll(postRequestedFor(urlEqualTo("/contacts/13")))).hasSize(1);
    List<JsonNode> errors =
        CollectSink.received("publish-each-errors").stream()
            .map(r -> (JsonNode) r.asObjectNode())
            .toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("stage").asText()).isEqualTo("crm");
    assertThat(errors.get(0).get("record").get("id").asInt()).isEqualTo(13);
    assertThat(errors.get(0).get("error").asText())
        .isEqualTo(
            "POST http://localhost:"
                + api.port()
                + "/contacts/13: HTTP 422 {\"error\":\"bad email\"}");
  }

  @Test
  void arraysPerBatchBoundedByCountWithARetriedBatch() throws Exception {
    api.stubFor(
        post(urlEqualTo("/bulk"))
            .inScenario("bulk")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("up"));
    api.stubFor(
        post(urlEqualTo("/bulk"))
            .inScenario("bulk")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200)));
    HttpPublishOptions o =
        options("/bulk", HttpPublishOptions.Batch.ARRAY, 20, Duration.ofMillis(200), 0);
    run("publish-bulk", o, ids(95), FlowSettings.defaults(), false);
    settle();

    List<Integer> received = new ArrayList<>();
    List<String> okBodies = new ArrayList<>();
    List<String> failedBodies = new ArrayList<>();
    for (var e : api.getAllServeEvents()) {
      String body = e.getRequest().getBodyAsString();
      if (e.getResponse().getStatus() == 200) {
        okBodies.add(body);
        JsonNode array = Json.MAPPER.readTree(body);
        assertThat(array.size()).isBetween(1, 20);
        array.forEach(x -> received.add(x.get("id").asInt()));
      } else {
        failedBodies.add(body);
      }
    }
    // Every record arrived once; the batch that got a 500 was sent again, whole.
    assertThat(CollectSink.payloads("publish-bulk-errors")).isEmpty();
    assertThat(received).hasSize(95);
    assertThat(new TreeSet<>(received)).hasSize(95);
    // Batches in flight together can both meet the 500 before the scenario moves on; each one
    // that failed was sent again, whole.
    assertThat(failedBodies).isNotEmpty();
    assertThat(okBodies).containsAll(failedBodies);
    assertThat(okBodies.size()).isGreaterThanOrEqualTo(5);
    assertThat(CollectSink.received("publish-bulk-errors")).isEmpty();
  }

  @Test
  void recordsInFlightAtAFailureAreSentAfterTheRestore() throws Exception {
    api.stubFor(
        post(urlPathMatching("/slow/.*"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(20)));
    FAILED.set(false);
    HttpPublishOptions o =
        options("/slow/{id}", HttpPublishOptions.Batch.RECORD, 1, Duration.ofMillis(100), 200.0);
    run("publish-restart", o, ids(300), TestFlows.checkpointEvery(Duration.ofMillis(100)), true);
    assertThat(FAILED.get()).isTrue();
    settle();
    Set<Integer> delivered = new TreeSet<>();
    for (LoggedRequest r : api.findAll(postRequestedFor(urlPathMatching("/slow/.*")))) {
      delivered.add(Json.MAPPER.readTree(r.getBodyAsString()).get("id").asInt());
    }
    assertThat(delivered).hasSize(300);
  }

  // ---------------------------------------------------------------- helpers

  static final AtomicBoolean FAILED = new AtomicBoolean();

  /** Props of {@link FailOnce}. */
  record FailAt(int id) implements java.io.Serializable {}

  /** Fails the task (not the record) once, when it meets the record with this id. */
  static final class FailOnce extends RecordTransformFactory<FailAt> {
    @Override
    public String name() {
      return "Fail Once";
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Class<FailAt> optionsClass() {
      return FailAt.class;
    }

    @Override
    public RecordProcessor createProcessor(FailAt o, StageContext ctx) {
      return (record, out) -> {
        if (record.get("id").asInt() == o.id() && FAILED.compareAndSet(false, true)) {
          throw new AssertionError("injected task failure");
        }
        out.collect(record);
      };
    }
  }

  private HttpPublishOptions options(
      String path, HttpPublishOptions.Batch batch, int batchSize, Duration linger, double rate)
      throws Exception {
    return new HttpPublishOptions(
        Template.compile("http://localhost:" + api.port() + path),
        RequestMethod.POST,
        Map.of(),
        Map.of("X-Api-Key", "k3y"),
        "t0ken",
        null,
        batch,
        batchSize,
        1 << 20,
        linger,
        Duration.ofSeconds(2),
        3,
        Duration.ofMillis(50),
        Duration.ofMillis(200),
        rate,
        50);
  }

  private static void run(
      String name, HttpPublishOptions o, List<String> lines, FlowSettings settings, boolean fail)
      throws Exception {
    TestFlows.Builder b = new TestFlows.Builder(name).settings(settings);
    if (fail) {
      b.stage("in", new LinesTrigger(), new Lines(lines), "fail")
          .stage("fail", new FailOnce(), new FailAt(150), "crm");
    } else {
      b.stage("in", new LinesTrigger(), new Lines(lines), "crm");
    }
    b.stage("crm", new HttpPublisherFactory(), o).errors(name + "-errors");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(b.build(), env);
    env.execute(name);
  }

  /** Waits until the API's journal stops growing: it logs a request just after answering it. */
  private static void settle() throws InterruptedException {
    int last = -1;
    while (api.getAllServeEvents().size() != last) {
      last = api.getAllServeEvents().size();
      Thread.sleep(300);
    }
  }

  private static List<String> ids(int n) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add("{\"id\":" + i + ",\"email\":\"u" + i + "@example.com\"}");
    }
    return lines;
  }
}

package dev.flow.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.flow.expr.Template;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.TestFlows;
import dev.flow.testing.TestFlows.Collect;
import dev.flow.testing.TestFlows.CollectPublisher;
import dev.flow.testing.TestFlows.Lines;
import dev.flow.testing.TestFlows.LinesTrigger;
import dev.flow.translate.FlowTranslator;
import dev.flow.validate.ValidatedFlow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs Fetch on a MiniCluster against a WireMock service with scripted failures. */
class FetchITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  static WireMockServer service;

  @BeforeAll
  static void startService() {
    service = new WireMockServer(options().dynamicPort().containerThreads(20));
    service.start();
  }

  @AfterAll
  static void stopService() {
    service.stop();
  }

  @BeforeEach
  void reset() {
    service.resetAll();
  }

  @Test
  void aServiceFailingThirtyPercentOfCallsLosesNoRecord() throws Exception {
    // 100 customers. 30 answer 500 once; 5 answer 429 (Retry-After: 1) once; 3 always 500;
    // 2 are unknown (404); 1 is slower than the timeout once. The rest answer at once.
    for (int i = 0; i < 100; i++) {
      String url = "/customers/" + i;
      String ok =
          "{\"id\":" + i + ",\"tier\":\"t" + i % 3 + "\",\"extra\":{\"since\":" + (2000 + i) + "}}";
      if (i < 30) {
        failOnce(url, aResponse().withStatus(500).withBody("boom"), ok);
      } else if (i < 35) {
        failOnce(url, aResponse().withStatus(429).withHeader("Retry-After", "1"), ok);
      } else if (i < 38) {
        service.stubFor(
            get(urlEqualTo(url)).willReturn(aResponse().withStatus(500).withBody("down")));
      } else if (i < 40) {
        service.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(404)));
      } else if (i == 40) {
        failOnce(url, aResponse().withFixedDelay(5000).withBody(ok), ok);
      } else {
        service.stubFor(get(urlEqualTo(url)).willReturn(okJson(ok)));
      }
    }
    FetchOptions o =
        new FetchOptions(
            Template.compile("http://localhost:" + service.port() + "/customers/{id}"),
            RequestMethod.GET,
            Map.of("X-Trace", Template.compile("run-{id}")),
            null,
            Duration.ofMillis(2000),
            2,
            Duration.ofMillis(50),
            Duration.ofMillis(400),
            10,
            Duration.ZERO,
            100,
            FieldPath.of("customer"),
            "tier",
            FetchOptions.NotFound.ERROR,
            false);
    run("fetch-flaky", o, ids(100));
    settle();

    List<FlowRecord> out = CollectSink.received("fetch-flaky-out");
    List<String> errorTexts = CollectSink.payloads("fetch-flaky-errors");
    // No record lost: each one is enriched or at the error stage.
    assertThat(out.size() + errorTexts.size()).isEqualTo(100);
    assertThat(errorTexts).as("error records").hasSize(5);
    Map<Integer, String> tiers = new TreeMap<>();
    for (FlowRecord r : out) {
      tiers.put(r.get("id").asInt(), r.get("customer").asText());
    }
    List<Integer> expected = new ArrayList<>();
    IntStream.range(0, 35).forEach(expected::add);
    IntStream.range(40, 100).forEach(expected::add);
    assertThat(out).hasSize(95);
    assertThat(tiers.keySet()).containsExactlyElementsOf(expected);
    assertThat(tiers.get(31)).isEqualTo("t1");

    List<JsonNode> errors =
        CollectSink.received("fetch-flaky-errors").stream()
            .map(r -> (JsonNode) r.asObjectNode())
            .toList();
    assertThat(errors).hasSize(5);
    Map<Integer, String> why = new TreeMap<>();
    for (JsonNode e : errors) {
      assertThat(e.get("stage").asText()).isEqualTo("enrich");
      why.put(e.get("record").get("id").asInt(), e.get("error").asText());
    }
    assertThat(why.keySet()).containsExactly(35, 36, 37, 38, 39);
    assertThat(why.get(35))
        .isEqualTo(
            "GET http://localhost:"
                + service.port()
                + "/customers/35: failed after 3 attempts: HTTP 500 down");
    assertThat(why.get(38))
        .isEqualTo("GET http://localhost:" + service.port() + "/customers/38: HTTP 404");

    // Retries observed at the service: one more call for each failure, none for a 404.
    assertThat(calls("/customers/3")).isEqualTo(2);
    assertThat(calls("/customers/31")).isEqualTo(2);
    assertThat(calls("/customers/36")).isEqualTo(3);
    assertThat(calls("/customers/39")).isEqualTo(1);
    assertThat(calls("/customers/40")).isEqualTo(2);
    assertThat(calls("/customers/77")).isEqualTo(1);
    int total = service.findAll(getRequestedFor(urlPathMatching("/customers/.*"))).size();
    assertThat(total).isEqualTo(100 + 30 + 5 + 3 * 2 + 1);
    service.verify(
        getRequestedFor(urlEqualTo("/customers/7"))
            .withHeader(
                "X-Trace", com.github.tomakehurst.wiremock.client.WireMock.equalTo("run-7")));
  }

  @Test
  void theCacheAnswersRepeatedRequestsWithinItsTtl() throws Exception {
    for (int i = 0; i < 3; i++) {
      service.stubFor(get(urlEqualTo("/customers/" + i)).willReturn(okJson("{\"n\":" + i + "}")));
    }
    FetchOptions o =
        new FetchOptions(
            Template.compile("http://localhost:" + service.port() + "/customers/{id}"),
            RequestMethod.GET,
            null,
            null,
            Duration.ofSeconds(2),
            1,
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            1,
            Duration.ofMinutes(1),
            10,
            FieldPath.of("c"),
            null,
            FetchOptions.NotFound.ERROR,
            true);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add("{\"id\":" + i % 3 + ",\"seq\":" + i + "}");
    }
    run("fetch-cache", o, lines);
    List<String> out = CollectSink.payloads("fetch-cache-out");
    assertThat(out).hasSize(30);
    assertThat(out.get(4)).isEqualTo("{\"id\":1,\"seq\":4,\"c\":{\"n\":1}}");
    for (int i = 0; i < 3; i++) {
      assertThat(calls("/customers/" + i)).isEqualTo(1);
    }
  }

  private static void run(String name, FetchOptions o, List<String> lines) throws Exception {
    ValidatedFlow flow =
        new TestFlows.Builder(name)
            .stage("in", new LinesTrigger(), new Lines(lines), "enrich")
            .stage("enrich", new FetchTransformFactory(), o, "out")
            .stage("out", new CollectPublisher(), new Collect(name + "-out"))
            .errors(name + "-errors")
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    env.execute(name);
  }

  /** Waits until the service's journal stops growing: it logs a request just after answering. */
  private static void settle() throws InterruptedException {
    int last = -1;
    while (service.getAllServeEvents().size() != last) {
      last = service.getAllServeEvents().size();
      Thread.sleep(300);
    }
  }

  private static List<String> ids(int n) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add("{\"id\":" + i + "}");
    }
    return lines;
  }

  private static void failOnce(
      String url,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
      String ok) {
    service.stubFor(
        get(urlEqualTo(url))
            .inScenario(url)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("recovered"));
    service.stubFor(
        get(urlEqualTo(url))
            .inScenario(url)
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(ok)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static int calls(String url) {
    return service.findAll(getRequestedFor(urlEqualTo(url))).size();
  }
}

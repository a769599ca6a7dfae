package dev.flow.connectors.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.flow.FlowCompiler;
import dev.flow.connectors.testing.Postgres;
import dev.flow.model.Problem;
import dev.flow.record.Json;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.TestFlows;
import dev.flow.validate.ValidatedFlow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs examples/signup-enrichment.yaml as shipped, with a parameter file pointing at real peers: an
 * embedded PostgreSQL with the customers table, WireMock as the report service and the CRM, and
 * form posts over loopback to the webhook.
 */
class SignupEnrichmentExampleITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlowMiniCluster.extension();

  static final Path EXAMPLE = Path.of("../examples/signup-enrichment.yaml");

  @Test
  void formsAreEnrichedAndReachTheCrmAndTheLake(@TempDir Path dir) throws Exception {
    WireMockServer reports = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    WireMockServer crm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    reports.start();
    crm.start();
    reports.stubFor(
        get(urlEqualTo("/reports/1/monthly"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"month\":\"2026-10\",\"activeUsers\":42}")));
    reports.stubFor(get(urlEqualTo("/reports/2/monthly")).willReturn(aResponse().withStatus(404)));
    crm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/leads"))
            .willReturn(aResponse().withStatus(201)));
    int port = TestFlows.freePort();
    try (Postgres pg = Postgres.start("embedded-pg-signup")) {
      pg.execute(
          "create table customers (id int primary key, domain text unique, name text, tier text)",
          "insert into customers values (1, 'acme.com', 'Acme', 'gold'),"
              + " (2, 'globex.com', 'Globex', 'silver')");
      Path params = dir.resolve("signup.yaml");
      Files.writeString(
          params,
          String.join(
              "\n",
              "name: signup",
              "parameters:",
              "  port: \"" + port + "\"",
              "  db: \"" + pg.url() + "\"",
              "  dbUser: \"postgres\"",
              "  dbPassword: {value: \"postgres\", secret: true}",
              "  reports: \"http://127.0.0.1:" + reports.port() + "\"",
              "  crm: \"http://127.0.0.1:" + crm.port() + "\"",
              "  crmToken: {value: \"crm-token\", secret: true}",
              "  lake: \"" + dir.resolve("lake") + "\"",
              ""));
      ValidatedFlow flow =
          FlowCompiler.validate(EXAMPLE.toString(), List.of(params.toString()), false);
      assertThat(flow.problems().stream().map(Problem::format)).isEmpty();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      FlowCompiler.translate(flow, env);
      JobClient job = env.executeAsync(flow.def().name());
      try {
        String url = "http://127.0.0.1:" + port + "/signups";
        waitForWebhook(url);
        assertThat(post(url, "{\"email\":\"ada@ACME.com\",\"company\":\"Acme\"}")).isEqualTo(202);
        assertThat(post(url, "{\"email\":\"bob@globex.com\",\"company\":\"Globex\"}"))
            .isEqualTo(202);
        assertThat(post(url, "{\"email\":\"cyd@example.org\",\"company\":\"Example\"}"))
            .isEqualTo(202);
        assertThat(post(url, "{\"company\":\"No Email Inc\"}")).isEqualTo(202);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String ada =
            "{\"email\":\"ada@ACME.com\",\"company\":\"Acme\",\"domain\":\"acme.com\","
                + "\"customer\":{\"id\":1,\"name\":\"Acme\",\"tier\":\"gold\"},"
                + "\"status\":\"customer\",\"report\":{\"month\":\"2026-10\",\"activeUsers\":42}}";
        String bob =
            "{\"email\":\"bob@globex.com\",\"company\":\"Globex\",\"domain\":\"globex.com\","
                + "\"customer\":{\"id\":2,\"name\":\"Globex\",\"tier\":\"silver\"},"
                + "\"status\":\"customer\"}";
        String cyd =
            "{\"email\":\"cyd@example.org\",\"company\":\"Example\",\"domain\":\"example.org\","
                + "\"status\":\"prospect\"}";
        Path lake = dir.resolve("lake/signups");
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline
            && (files(lake).values().stream().mapToInt(List::size).sum() < 3
                || files(dir.resolve("lake/errors")).isEmpty()
                || crm.findAll(postRequestedFor(urlEqualTo("/leads"))).size() < 3)) {
          Thread.sleep(200);
        }
        Thread.sleep(1000);

        List<LoggedRequest> leads = crm.findAll(postRequestedFor(urlEqualTo("/leads")));
        assertThat(leads.stream().map(LoggedRequest::getBodyAsString))
            .containsExactlyInAnyOrder(ada, bob, cyd);
        assertThat(leads)
            .allSatisfy(
                r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer crm-token"));

        TreeMap<String, List<String>> expected = new TreeMap<>();
        expected.put("status=customer/date=" + today, List.of(ada, bob));
        expected.put("status=prospect/date=" + today, List.of(cyd));
        TreeMap<String, List<String>> got = files(lake);
        assertThat(got.keySet()).isEqualTo(expected.keySet());
        assertThat(got.get("status=customer/date=" + today)).containsExactlyInAnyOrder(ada, bob);
        assertThat(got.get("status=prospect/date=" + today)).containsExactly(cyd);

        List<String> errors = new ArrayList<>();
        files(dir.resolve("lake/errors")).values().forEach(errors::addAll);
        assertThat(errors).hasSize(1);
        JsonNode e = Json.MAPPER.readTree(errors.get(0));
        assertThat(e.get("flow").asText()).isEqualTo("Signup enrichment");
        assertThat(e.get("stage").asText()).isEqualTo("domain");
        assertThat(e.get("error").asText())
            .isEqualTo(
                "no field 'email' in the record (in expression"
                    + " \"email.substring(email.indexOf(\"@\") + 1).lowerAscii()\" at column 1)");
        assertThat(e.get("record").toString()).isEqualTo("{\"company\":\"No Email Inc\"}");
        assertThat(reports.getAllServeEvents()).hasSize(2);
      } finally {
        job.cancel().get();
        reports.stop();
        crm.stop();
      }
    }
  }

  private static int post(String url, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.statusCode();
  }

  private static void waitForWebhook(String url) throws InterruptedException {
    String health = url.replace("/signups", "/health");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(health)).build(),
                    HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // The job is still starting.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the webhook did not start");
  }

  /** The lines of the finished part files under {@code dir}, by partition directory. */
  static TreeMap<String, List<String>> files(Path dir) throws java.io.IOException {
    TreeMap<String, List<String>> byPartition = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return byPartition;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        if (!f.getFileName().toString().startsWith(".")) {
          byPartition
              .computeIfAbsent(dir.relativize(f.getParent()).toString(), k -> new ArrayList<>())
              .addAll(Files.readAllLines(f));
        }
      }
    }
    return byPartition;
  }
}

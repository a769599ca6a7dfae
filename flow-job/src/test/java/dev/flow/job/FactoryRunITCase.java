package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.record.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the example factory ({@code examples/factory/}) with {@code flow factory run} against a real
 * Kafka broker: sign-ups posted to the intake's webhook go through the topic signups to the
 * enrichment, which publishes them to signups-enriched and the lake; once the streaming flows are
 * stopped, the bounded metrics flow counts them per domain.
 */
class FactoryRunITCase {
  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  private static final Path EXAMPLE =
      Path.of("..", "examples", "factory").toAbsolutePath().normalize();

  @Test
  void theExampleFactoryRunsInDependencyOrderEndToEnd() throws Exception {
    KAFKA.createTopic("signups", 1);
    KAFKA.createTopic("signups-enriched", 1);
    Path dir = Files.createDirectories(Path.of("target", "factory-run-" + System.nanoTime()));
    Path lake = dir.resolve("lake").toAbsolutePath();
    int port = freePort();
    Files.writeString(
        dir.resolve("signups.yaml"),
        "name: signups\nparameters:\n  bootstrap: \""
            + KAFKA.bootstrapServers()
            + "\"\n  port: "
            + port
            + "\n  lake: \""
            + lake
            + "\"\n");
    Files.writeString(
        dir.resolve("factory.yaml"),
        "name: Signups\nparameterSets: [signups.yaml]\nflows:\n"
            + "  - path: "
            + EXAMPLE.resolve("daily-metrics.yaml")
            + "\n    after: [Signup intake, Signup enrichment]\n"
            + "  - path: "
            + EXAMPLE.resolve("signup-enrichment.yaml")
            + "\n  - path: "
            + EXAMPLE.resolve("signup-intake.yaml")
            + "\n");
    CompletableFuture<CliRunner.Result> run =
        CompletableFuture.supplyAsync(
            () ->
                CliRunner.run(
                    "factory",
                    "run",
                    dir.resolve("factory.yaml").toString(),
                    "--streaming-for",
                    "40s",
                    "--savepoints",
                    dir.resolve("savepoints").toString()));

    HttpClient http = HttpClient.newHttpClient();
    waitForWebhook(http, port, run);
    for (String body :
        List.of(
            "{\"email\":\"ada@acme.com\",\"password\":\"s3cret\",\"plan\":\"pro\"}",
            "{\"email\":\"Bob@ACME.com\"}",
            "{\"name\":\"no email\"}",
            "{\"email\":\"cyd@example.org\"}")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signups"))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    System.out.println("posted the sign-ups at " + java.time.Instant.now());
    CliRunner.Result result = run.get(4, TimeUnit.MINUTES);
    System.out.println(result.out());
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    String out = result.out();
    // Streaming flows start upstream first; the bounded flow starts only once both are stopped.
    assertThat(out.indexOf("started 'Signup intake'"))
        .isGreaterThanOrEqualTo(0)
        .isLessThan(out.indexOf("started 'Signup enrichment'"));
    assertThat(out.indexOf("stopped 'Signup enrichment'"))
        .isGreaterThan(out.indexOf("stopped 'Signup intake'"))
        .isLessThan(out.indexOf("started 'Daily signup metrics'"));
    assertThat(out).contains("succeeded 'Daily signup metrics'");
    assertThat(out)
        .containsPattern("Signup intake +streaming +stopped +[0-9.]+s")
        .containsPattern("Signup enrichment +streaming +stopped +[0-9.]+s")
        .containsPattern("Daily signup metrics +bounded +succeeded +[0-9.]+s");

    List<JsonNode> enriched = new ArrayList<>();
    for (String v : KAFKA.readCommittedValues("signups-enriched", 3, Duration.ofSeconds(30))) {
      enriched.add(Json.MAPPER.readTree(v));
    }
    assertThat(enriched)
        .containsExactlyInAnyOrder(
            Json.MAPPER.readTree(
                "{\"email\":\"ada@acme.com\",\"plan\":\"pro\",\"source\":\"web\",\"domain\":\"acme.com\"}"),
            Json.MAPPER.readTree(
                "{\"email\":\"Bob@ACME.com\",\"source\":\"web\",\"domain\":\"acme.com\",\"plan\":\"free\"}"),
            Json.MAPPER.readTree(
                "{\"email\":\"cyd@example.org\",\"source\":\"web\",\"domain\":\"example.org\",\"plan\":\"free\"}"));

    List<JsonNode> metrics = new ArrayList<>();
    for (String line : lines(lake.resolve("metrics"))) {
      metrics.add(Json.MAPPER.readTree(line));
    }
    assertThat(metrics)
        .extracting(m -> m.get("domain").asText() + "=" + m.get("signups").asLong())
        .containsExactlyInAnyOrder("acme.com=2", "example.org=1");
    assertThat(lines(lake.resolve("signups"))).hasSize(3);
  }

  private static void waitForWebhook(HttpClient http, int port, CompletableFuture<?> run)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertThat(run).as("the factory run ended before the webhook was up").isNotDone();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // The webhook is not listening yet.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the webhook did not come up on port " + port);
  }

  /** Every line of the visible (committed) files under {@code dir}. */
  private static List<String> lines(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.startsWith(".") && !name.startsWith("_")) {
          Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(out::add);
        }
      }
    }
    return out;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

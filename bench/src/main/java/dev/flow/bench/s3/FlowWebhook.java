package dev.flow.bench.s3;

import dev.flow.FlowCompiler;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.validate.ValidatedFlow;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * S3's Flow variant: a YAML flow, {@code Webhook} → {@code Trash}, compiled by FlowCompiler and run
 * on the shared local cluster. Every accepted request goes through Flow's source, its trigger check
 * and its publisher, like in a real run.
 */
public final class FlowWebhook implements WebhookTarget {
  private static final String FLOW =
      """
      name: Bench webhook
      stages:
        - name: events
          action: Webhook
          props: {path: /events, port: %d, queueCapacity: 10000}
          out: [discard]
        - name: discard
          action: Trash
          props: {}
          out: []
      """;

  private JobClient job;

  @Override
  public String name() {
    return "flow";
  }

  @Override
  public URI start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path file = Files.createTempFile("bench-webhook", ".yaml");
    Files.writeString(file, String.format(FLOW, port));
    ValidatedFlow flow = FlowCompiler.validate(file.toString(), List.of(), false);
    Files.deleteIfExists(file);
    if (flow.hasErrors()) {
      throw new IllegalStateException("the bench webhook flow is invalid: " + flow.problems());
    }
    StreamExecutionEnvironment env = LocalFlink.env(1, true);
    FlowCompiler.translate(flow, env);
    job = env.executeAsync("bench webhook");
    HttpClient client = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + port + "/health");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          break;
        }
      } catch (java.io.IOException notYet) {
        // The source has not opened its server yet.
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the webhook flow did not start listening within 60 s");
      }
      Thread.sleep(100);
    }
    return URI.create("http://127.0.0.1:" + port + "/events");
  }

  @Override
  public void close() throws Exception {
    if (job != null) {
      job.cancel().get();
      job = null;
    }
  }
}

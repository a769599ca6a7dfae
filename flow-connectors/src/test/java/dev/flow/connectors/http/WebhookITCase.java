package dev.flow.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.FlowSettings;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.TestFlows;
import dev.flow.testing.TestFlows.Collect;
import dev.flow.testing.TestFlows.CollectPublisher;
import dev.flow.testing.TestFlows.Slow;
import dev.flow.testing.TestFlows.SlowTransform;
import dev.flow.translate.FlowTranslator;
import dev.flow.validate.ValidatedFlow;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the webhook in a flow on a MiniCluster and talks to it with a real HTTP client. */
class WebhookITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void acceptsObjectsAndArraysAndRefusesWhatItMust() throws Exception {
    int port = TestFlows.freePort();
    WebhookOptions o =
        options(port, WebhookOptions.Auth.BEARER, "s3cret", 200, 100, WebhookOptions.Ack.RECEIVED);
    try (Running job = start("webhook-basic", o, FlowSettings.defaults(), 0, "basic-out")) {
      String url = "http://127.0.0.1:" + port + "/orders";
      String auth = "Bearer s3cret";

      HttpResponse<String> one = post(url, "{\"id\":1}", "Authorization", auth);
      assertThat(one.statusCode()).isEqualTo(202);
      String runId = Json.MAPPER.readTree(one.body()).get("runId").asText();

      HttpResponse<String> two = post(url, "[{\"id\":2},{\"id\":3}]", "Authorization", auth);
      assertThat(two.statusCode()).isEqualTo(202);
      JsonNode ids = Json.MAPPER.readTree(two.body()).get("runIds");
      assertThat(ids).hasSize(2);

      assertThat(post(url, "{\"id\":9}", "Authorization", "Bearer wrong").statusCode())
          .isEqualTo(401);
      assertThat(post(url, "{\"id\":9}").statusCode()).isEqualTo(401);
      HttpResponse<String> bad = post(url, "{\"id\":", "Authorization", auth);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("not valid JSON");
      HttpResponse<String> notObjects = post(url, "[{\"id\":4},7]", "Authorization", auth);
      assertThat(notObjects.statusCode()).isEqualTo(400);
      assertThat(notObjects.body()).contains("element 1 of the array is not a JSON object");
      HttpResponse<String> big =
          post(url, "{\"pad\":\"" + "x".repeat(300) + "\"}", "Authorization", auth);
      assertThat(big.statusCode()).isEqualTo(413);
      assertThat(big.body()).contains("larger than the limit of 200 bytes");
      assertThat(
              post("http://127.0.0.1:" + port + "/other", "{}", "Authorization", auth).statusCode())
          .isEqualTo(404);
      HttpResponse<String> get = get(url);
      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(get.headers().firstValue("Allow")).contains("POST");
      HttpResponse<String> health = get("http://127.0.0.1:" + port + "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(Json.MAPPER.readTree(health.body()).get("capacity").asInt()).isEqualTo(100);

      assertThat(slowClientAnswer(port)).startsWith("HTTP/1.1 408");

      waitUntil(() -> CollectSink.received("basic-out").size() >= 3, "3 records at the sink");
      List<FlowRecord> got = CollectSink.received("basic-out");
      assertThat(got).hasSize(3);
      assertThat(got.get(0).runId()).isEqualTo(runId);
      assertThat(got.get(0).toJson()).isEqualTo("{\"id\":1}");
      assertThat(got.get(0).meta().get("method").asText()).isEqualTo("POST");
      // Where each record came from: the request (named by its first run id), client and time.
      assertThat(got.get(0).meta().get("requestId").asText()).isEqualTo(runId);
      assertThat(got.get(2).meta().get("requestId").asText()).isEqualTo(ids.get(0).asText());
      assertThat(got.get(0).meta().get("remoteAddress").asText()).isEqualTo("127.0.0.1");
      assertThat(java.time.Instant.parse(got.get(0).meta().get("receivedAt").asText()))
          .isBefore(java.time.Instant.now().plusSeconds(1));
      assertThat(got.stream().map(FlowRecord::runId).toList())
          .containsExactly(runId, ids.get(0).asText(), ids.get(1).asText());
      assertThat(got.get(2).toJson()).isEqualTo("{\"id\":3}");
    }
  }

  @Test
  void repeatedFailedAuthFromOneAddressIsAnswered429WithRetryAfterUntilTheLockoutEnds()
      throws Exception {
    int port = TestFlows.freePort();
    WebhookOptions o =
        options(port, WebhookOptions.Auth.BEARER, "s3cret", 1000, 100, WebhookOptions.Ack.RECEIVED);
    try (Running job = start("webhook-throttle", o, FlowSettings.defaults(), 0, "throttle-out")) {
      String url = "http://127.0.0.1:" + port + "/orders";
      for (int i = 0; i < 3; i++) {
        assertThat(post(url, "{\"id\":0}", "Authorization", "Bearer guess" + i).statusCode())
            .isEqualTo(401);
      }
      HttpResponse<String> locked = post(url, "{\"id\":1}", "Authorization", "Bearer s3cret");
      assertThat(locked.statusCode()).isEqualTo(429);
      assertThat(locked.headers().firstValue("Retry-After")).contains("2");
      assertThat(read(locked.body()).get("error").asText())
          .isEqualTo("too many failed auth attempts from this address; try again in 2 s");
      assertThat(post(url, "{\"id\":1}", "Authorization", "Bearer guess").statusCode())
          .isEqualTo(429);

      // Another client address is not locked out.
      assertThat(rawPostFrom("127.0.0.2", port, "{\"id\":2}", "Bearer s3cret"))
          .startsWith("HTTP/1.1 202");

      Thread.sleep(2100);
      assertThat(post(url, "{\"id\":3}", "Authorization", "Bearer s3cret").statusCode())
          .isEqualTo(202);
      waitUntil(() -> CollectSink.received("throttle-out").size() >= 2, "2 records at the sink");
      assertThat(CollectSink.received("throttle-out").stream().map(FlowRecord::toJson).toList())
          .containsExactly("{\"id\":2}", "{\"id\":3}");
    }
  }

  /** Posts {@code body} from the local address {@code from} and returns the raw response. */
  static String rawPostFrom(String from, int port, String body, String auth) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port, java.net.InetAddress.getByName(from), 0)) {
      s.setSoTimeout(5000);
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /orders HTTP/1.1\r\nHost: x\r\nAuthorization: "
                  + auth
                  + "\r\nConnection: close\r\nContent-Length: "
                  + b.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void aFloodPastTheQueueBoundGets503sAndEveryAcceptedRecordArrives() throws Exception {
    int port = TestFlows.freePort();
    WebhookOptions o =
        options(port, WebhookOptions.Auth.NONE, null, 1 << 16, 50, WebhookOptions.Ack.RECEIVED);
    // Each record costs the flow 2 ms, far slower than the clients send.
    try (Running job = start("webhook-flood", o, FlowSettings.defaults(), 2000, "flood-out")) {
      String url = "http://127.0.0.1:" + port + "/orders";
      Set<String> accepted = ConcurrentHashMap.newKeySet();
      AtomicInteger refused = new AtomicInteger();
      AtomicInteger maxQueued = new AtomicInteger();
      AtomicInteger retryAfter = new AtomicInteger();
      AtomicInteger sent = new AtomicInteger();
      List<CompletableFuture<Void>> all = new ArrayList<>();
      // 16 clients on keep-alive connections, 50 requests each, as fast as they are answered.
      for (int c = 0; c < 16; c++) {
        all.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    for (int i = 0; i < 50; i++) {
                      HttpResponse<String> r = post(url, "{\"n\":" + sent.incrementAndGet() + "}");
                      if (r.statusCode() == 202) {
                        accepted.add(read(r.body()).get("runId").asText());
                      } else if (r.statusCode() == 503) {
                        refused.incrementAndGet();
                        r.headers()
                            .firstValue("Retry-After")
                            .ifPresent(v -> retryAfter.set(Integer.parseInt(v)));
                      }
                      if (i % 10 == 0) {
                        int queued =
                            read(get("http://127.0.0.1:" + port + "/health").body())
                                .get("queued")
                                .asInt();
                        maxQueued.accumulateAndGet(queued, Math::max);
                      }
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                java.util.concurrent.Executors.newSingleThreadExecutor()));
      }
      long t0 = System.nanoTime();
      CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
      System.out.printf(
          "webhook flood: clients done in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(accepted.size() + refused.get()).isEqualTo(800);
      assertThat(refused.get()).isGreaterThan(0);
      assertThat(retryAfter.get()).isEqualTo(1);
      assertThat(maxQueued.get()).isLessThanOrEqualTo(50);
      waitUntil(
          () -> CollectSink.received("flood-out").size() >= accepted.size(),
          "every accepted record at the sink");
      System.out.printf(
          "webhook flood: delivered after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      Set<String> delivered = new HashSet<>();
      for (FlowRecord r : CollectSink.received("flood-out")) {
        delivered.add(r.runId());
      }
      assertThat(delivered).isEqualTo(accepted);
      System.out.printf(
          "webhook flood: %d accepted, %d refused with 503, max queued %d%n",
          accepted.size(), refused.get(), maxQueued.get());
    }
  }

  @Test
  void ackOnCheckpointAnswersOnlyOnceTheRecordIsStored() throws Exception {
    int port = TestFlows.freePort();
    WebhookOptions o =
        options(port, WebhookOptions.Auth.HMAC, "k3y", 1 << 16, 100, WebhookOptions.Ack.CHECKPOINT);
    HmacSignature sig = new HmacSignature("k3y");
    String url = "http://127.0.0.1:" + port + "/orders";
    FlowSettings settings = TestFlows.checkpointEvery(Duration.ofMillis(300));
    try (Running job = start("webhook-ack", o, settings, 0, "ack-out")) {
      String body = "{\"id\":\"a\"}";
      HttpResponse<String> r =
          post(url, body, "X-Signature-256", "sha256=" + sig.sign(body.getBytes()));
      assertThat(r.statusCode()).isEqualTo(202);
      String runId = read(r.body()).get("runId").asText();
      // The checkpoint completed after the sink saw the record, so it is there already.
      assertThat(CollectSink.received("ack-out")).extracting(FlowRecord::runId).contains(runId);
      assertThat(post(url, body, "X-Signature-256", "sha256=00ff").statusCode()).isEqualTo(401);
      assertThat(post(url, body).statusCode()).isEqualTo(401);
    }
    // Without a completed checkpoint, a request is never answered 202: a stop answers 503.
    port = TestFlows.freePort();
    o = options(port, WebhookOptions.Auth.NONE, null, 1 << 16, 100, WebhookOptions.Ack.CHECKPOINT);
    url = "http://127.0.0.1:" + port + "/orders";
    CompletableFuture<HttpResponse<String>> pending;
    try (Running job =
        start("webhook-noack", o, TestFlows.checkpointEvery(Duration.ofHours(1)), 0, "noack-out")) {
      pending =
          HTTP.sendAsync(
              HttpRequest.newBuilder(URI.create(url))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"b\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      waitUntil(() -> CollectSink.received("noack-out").size() == 1, "the record at the sink");
      Thread.sleep(200);
      assertThat(pending).isNotDone();
    }
    HttpResponse<String> answer = pending.get();
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.body()).contains("send them again");
  }

  // ---------------------------------------------------------------- helpers

  @Test
  void withParallelismTwoEachInstanceListensOnItsOwnPort() throws Exception {
    int port = twoFreePorts();
    WebhookOptions o =
        options(port, WebhookOptions.Auth.NONE, null, 1 << 16, 100, WebhookOptions.Ack.RECEIVED);
    FlowSettings d = FlowSettings.defaults();
    FlowSettings two =
        new FlowSettings(2, 128, d.checkpointing(), d.restart(), d.stateBackend(), d.errors());
    try (Running job = start("webhook-parallel", o, two, 0, "parallel-out")) {
      waitUntil(
          () -> {
            try {
              return get("http://127.0.0.1:" + (port + 1) + "/health").statusCode() == 200;
            } catch (Exception e) {
              return false;
            }
          },
          "the second instance to listen");
      Set<String> accepted = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        String url = "http://127.0.0.1:" + (port + i % 2) + "/orders";
        HttpResponse<String> r = post(url, "{\"n\":" + i + "}");
        assertThat(r.statusCode()).isEqualTo(202);
        accepted.add(read(r.body()).get("runId").asText());
      }
      assertThat(accepted).hasSize(20);
      waitUntil(() -> CollectSink.received("parallel-out").size() >= 20, "20 records");
      Thread.sleep(300);
      List<FlowRecord> got = CollectSink.received("parallel-out");
      assertThat(got.stream().map(FlowRecord::runId).toList())
          .containsExactlyInAnyOrderElementsOf(accepted);
      assertThat(got.stream().map(r -> r.get("n").asInt()).sorted().toList())
          .isEqualTo(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }
  }

  /** A port p such that p and p + 1 are both free right now. */
  static int twoFreePorts() throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int p = TestFlows.freePort();
      if (p < 65535) {
        try (java.net.ServerSocket next = new java.net.ServerSocket(p + 1)) {
          return p;
        } catch (java.io.IOException taken) {
          // Try another.
        }
      }
    }
    throw new IllegalStateException("no two adjacent free ports");
  }

  static WebhookOptions options(
      int port,
      WebhookOptions.Auth auth,
      String secret,
      int maxBody,
      int capacity,
      WebhookOptions.Ack ack) {
    return new WebhookOptions(
        "/orders",
        null,
        List.of(RequestMethod.POST),
        port,
        "127.0.0.1",
        auth,
        auth == WebhookOptions.Auth.BEARER ? secret : null,
        auth == WebhookOptions.Auth.HMAC ? secret : null,
        "X-Signature-256",
        3,
        Duration.ofSeconds(2),
        maxBody,
        capacity,
        1,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        ack,
        "/health",
        1);
  }

  /** A running job with the webhook, an optional slow stage and a collecting publisher. */
  record Running(JobClient client) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      client.cancel().get();
    }
  }

  static Running start(
      String name, WebhookOptions o, FlowSettings settings, long slowMicros, String collect)
      throws Exception {
    TestFlows.Builder b = new TestFlows.Builder(name).settings(settings);
    if (slowMicros > 0) {
      b.stage("hook", new WebhookTriggerFactory(), o, "slow")
          .stage("slow", new SlowTransform(), new Slow(slowMicros), "out");
    } else {
      b.stage("hook", new WebhookTriggerFactory(), o, "out");
    }
    ValidatedFlow flow =
        b.stage("out", new CollectPublisher(), new Collect(collect))
            .errors(name + "-errors")
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    JobClient client = env.executeAsync(name);
    String health = "http://127.0.0.1:" + o.port() + "/health";
    waitUntil(
        () -> {
          try {
            return get(health).statusCode() == 200;
          } catch (Exception e) {
            return false;
          }
        },
        "the webhook to listen");
    return new Running(client);
  }

  static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends half a request and waits: the server must answer 408 after its read timeout. */
  static String slowClientAnswer(int port) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n"
                  + "Content-Length: 20\r\n\r\n{\"id\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(json, e);
    }
  }

  static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}

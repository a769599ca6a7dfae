package dev.flow.connectors.flowserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts JSON lines to a server's ingest endpoint, retrying with exponential backoff (0.2 s doubling
 * to 10 s) on a connection failure, a 5xx or a 429. A 4xx other than 429 is not retried: the
 * request itself is wrong. The caller gets an exception once the attempts are spent, so nothing is
 * dropped silently.
 */
final class IngestClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final FlowServerOptions options;

  IngestClient(FlowServerOptions options) {
    this.options = options;
  }

  /** Sends one request of {@code body} (JSON lines); returns once the server accepted it. */
  void post(byte[] body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(options.url()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-ndjson")
            .header("Authorization", "Bearer " + options.token())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long backoff = 200;
    String last = null;
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        int s = r.statusCode();
        if (s / 100 == 2) {
          return;
        }
        last = "HTTP " + s + " " + abbreviate(r.body());
        if (s / 100 == 4 && s != 429) {
          throw new IOException("the server refused the report: " + last);
        }
      } catch (IOException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("the server refused")) {
          throw e;
        }
        last = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (attempt < options.maxAttempts()) {
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
    throw new IOException(
        "could not report to "
            + options.url()
            + " after "
            + options.maxAttempts()
            + " attempts: "
            + last);
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}

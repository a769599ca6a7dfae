package dev.flow.bench.s3;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * S3's real flow: {@code Webhook} → {@code Remap Fields} → {@code Write to File}, run by {@code
 * ./flow run} in its own JVM (the launcher's defaults, no bench flags), as a user would run it. The
 * records it wrote are counted when it stops.
 */
public final class FlowRunWebhook implements WebhookTarget {
  private static final String FLOW =
      """
      name: Bench webhook to files
      stages:
        - name: events
          action: Webhook
          props: {path: /events, port: %d, queueCapacity: 10000}
          out: [remap]
        - name: remap
          action: Remap Fields
          props:
            rename: {user.id: customerId, user.country: country}
            drop: [debug]
          out: [files]
        - name: files
          action: Write to File
          props: {path: '%s', rollInterval: 10s}
          out: []
      """;

  private final Path root;
  private Process process;
  private Path work;
  private long written = -1;

  public FlowRunWebhook(Path root) {
    this.root = root;
  }

  @Override
  public String name() {
    return "flow-run";
  }

  @Override
  public URI start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    work = Files.createTempDirectory("bench-flow-run");
    Path out = work.resolve("out");
    Path file = work.resolve("webhook-to-files.yaml");
    Files.writeString(file, String.format(FLOW, port, out));
    ProcessBuilder pb =
        new ProcessBuilder(root.resolve("flow").toString(), "run", "--no-progress", file.toString())
            .directory(root.toFile())
            .redirectOutput(work.resolve("stdout.txt").toFile())
            .redirectError(work.resolve("stderr.txt").toFile());
    pb.environment().remove("FLOW_JAVA_OPTS");
    pb.environment().put("FLOW_LOG_FILE", work.resolve("flow.log").toString());
    process = pb.start();
    HttpClient client = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + port + "/health");
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
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
        // Not listening yet.
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "./flow run of the webhook flow ended: "
                + Files.readString(work.resolve("stderr.txt")));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("./flow run did not start listening within 10 minutes");
      }
      Thread.sleep(200);
    }
    return URI.create("http://127.0.0.1:" + port + "/events");
  }

  /** Lines written to the part files (in progress ones too), counted after close; -1 before. */
  public long written() {
    return written;
  }

  @Override
  public void close() throws Exception {
    if (process != null) {
      process.destroy(); // SIGTERM: the launcher's JVM cancels the job on its shutdown hook
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      process = null;
      Path out = work.resolve("out");
      if (Files.isDirectory(out)) {
        long n = 0;
        try (Stream<Path> files = Files.walk(out)) {
          for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            try (Stream<String> lines = Files.lines(f)) {
              n += lines.count();
            }
          }
        }
        written = n;
      }
    }
  }
}

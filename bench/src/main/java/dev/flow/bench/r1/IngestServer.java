package dev.flow.bench.r1;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process HTTP server that takes the ingest requests of the Flow Server publisher as the Flow
 * server does: a POST of JSON lines with a bearer token, read in full, answered 202. It counts the
 * lines, so the scenario can check that every run was reported.
 */
final class IngestServer implements AutoCloseable {
  static final String TOKEN = "flowi_bench";

  private final HttpServer http;
  private final AtomicLong lines = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  IngestServer() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    http.setExecutor(Executors.newFixedThreadPool(2));
    http.createContext("/api/v1/ingest/", this::ingest);
    http.start();
  }

  /** The ingest base of one deployment, as the server hands it to a job. */
  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v1/ingest/bench";
  }

  long lines() {
    return lines.get();
  }

  long requests() {
    return requests.get();
  }

  void reset() {
    lines.set(0);
    requests.set(0);
  }

  private void ingest(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())
          || !("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        ex.sendResponseHeaders(401, -1);
        return;
      }
      long n = 0;
      byte[] buf = new byte[1 << 16];
      try (InputStream in = ex.getRequestBody()) {
        for (int r; (r = in.read(buf)) > 0; ) {
          for (int i = 0; i < r; i++) {
            if (buf[i] == '\n') {
              n++;
            }
          }
        }
      }
      lines.addAndGet(n);
      requests.incrementAndGet();
      ex.sendResponseHeaders(202, -1);
    }
  }

  @Override
  public void close() {
    http.stop(0);
    ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
  }
}

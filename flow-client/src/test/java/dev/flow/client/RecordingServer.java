package dev.flow.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on a free port that records each request and answers with the responses queued
 * for it, in order.
 */
final class RecordingServer implements AutoCloseable {
  record Request(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  record Response(int status, String contentType, byte[] body) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Response> responses = new ArrayDeque<>();

  RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          Response r;
          synchronized (this) {
            requests.add(
                new Request(
                    ex.getRequestMethod(),
                    ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(),
                    Map.copyOf(ex.getRequestHeaders()),
                    body));
            r =
                responses.isEmpty()
                    ? new Response(500, "text/plain", new byte[0])
                    : responses.pop();
          }
          if (r.contentType() != null) {
            ex.getResponseHeaders().add("Content-Type", r.contentType());
          }
          ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(r.body());
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized RecordingServer json(int status, String body) {
    responses.add(new Response(status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  synchronized RecordingServer problem(int status, String body) {
    responses.add(
        new Response(status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  synchronized RecordingServer bytes(int status, String contentType, byte[] body) {
    responses.add(new Response(status, contentType, body));
    return this;
  }

  synchronized Request last() {
    return requests.get(requests.size() - 1);
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

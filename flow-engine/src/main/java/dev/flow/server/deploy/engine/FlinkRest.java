package dev.flow.server.deploy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A client of Flink's REST API (the one the web UI uses), with the JDK HTTP client and Jackson:
 * jars, jobs, exceptions, stop with savepoint, cancel.
 */
final class FlinkRest {
  private static final Duration WORK = Duration.ofMinutes(3);

  private final HttpClient http;
  private final String base;
  private final Duration timeout;

  /**
   * How long a request that makes Flink work may take: a jar upload, and a jar run, in which the
   * JobManager runs the job's main method to build its graph (slow on a busy cluster).
   */
  private final Duration workTimeout;

  FlinkRest(String baseUrl, Duration timeout) {
    this.base = baseUrl.replaceAll("/+$", "");
    this.timeout = timeout;
    this.workTimeout = timeout.compareTo(WORK) > 0 ? timeout : WORK;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  String baseUrl() {
    return base;
  }

  /** An answer: the HTTP status and the JSON body (an empty object when there was none). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** Flink's error texts, joined. */
    String errors() {
      StringBuilder b = new StringBuilder();
      body.path("errors").forEach(e -> b.append(b.length() > 0 ? "\n" : "").append(e.asText()));
      return b.length() > 0 ? b.toString() : "HTTP " + status;
    }
  }

  Answer get(String path) throws EngineException {
    return send(HttpRequest.newBuilder(uri(path)).GET(), timeout);
  }

  Answer post(String path, JsonNode body) throws EngineException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        timeout);
  }

  /** Runs an uploaded jar: Flink builds the job graph before it answers. */
  Answer run(String jarId, JsonNode body) throws EngineException {
    return send(
        HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        workTimeout);
  }

  Answer patch(String path) throws EngineException {
    return send(
        HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.noBody()),
        timeout);
  }

  /** Uploads a jar as {@code name}; returns the jar id Flink gave it. */
  String upload(Path jar, String name) throws EngineException {
    String boundary = "flow-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                  + name
                  + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(jar));
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new EngineException("cannot read the job jar " + jar + ": " + e.getMessage(), e);
    }
    Answer a =
        send(
            HttpRequest.newBuilder(uri("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
            workTimeout);
    if (!a.ok()) {
      throw new EngineException("Flink refused the jar upload: " + a.errors());
    }
    return Path.of(a.body().path("filename").asText()).getFileName().toString();
  }

  ObjectNode object() {
    return EngineJson.MAPPER.createObjectNode();
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Answer send(HttpRequest.Builder request, Duration wait) throws EngineException {
    HttpResponse<byte[]> r;
    HttpRequest built = request.timeout(wait).build();
    try {
      r = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new EngineException(
          "Flink at "
              + base
              + " did not answer "
              + built.method()
              + " "
              + built.uri().getPath()
              + " within "
              + (wait.toMillis() < 1000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s"),
          e);
    } catch (IOException e) {
      throw new EngineException("cannot reach Flink at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while calling Flink at " + base, e);
    }
    JsonNode body;
    try {
      body = r.body().length == 0 ? object() : EngineJson.MAPPER.readTree(r.body());
    } catch (IOException e) {
      body = object().put("raw", new String(r.body(), StandardCharsets.UTF_8));
    }
    return new Answer(r.statusCode(), body);
  }
}

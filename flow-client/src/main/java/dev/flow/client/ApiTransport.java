package dev.flow.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP exchange every resource of the client goes through: JSON in and out, the bearer token,
 * and problem details turned into {@link FlowApiException}. Resources (flows, parameter sets, and
 * whatever is added later) are small classes over one transport.
 */
public final class ApiTransport {
  /** The mapper of request and response bodies: unknown response members are ignored. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final URI server;
  private final String token;
  private final HttpClient http;
  private final Duration timeout;

  ApiTransport(URI server, String token, HttpClient http, Duration timeout) {
    this.server = server;
    this.token = token;
    this.http = http;
    this.timeout = timeout;
  }

  /** The server's base URI, e.g. {@code http://localhost:8090}. */
  public URI server() {
    return server;
  }

  /** {@code GET path} and the JSON answer as {@code type}. */
  public <T> T get(String path, Query query, Class<T> type) {
    return json("GET", path, query, null, MAPPER.constructType(type));
  }

  /** {@code GET path} and the JSON answer as {@code type}. */
  public <T> T get(String path, Query query, TypeReference<T> type) {
    return json("GET", path, query, null, MAPPER.constructType(type));
  }

  /** A request with a JSON body (or none, when {@code body} is null) and a JSON answer. */
  public <T> T send(String method, String path, Query query, Object body, Class<T> type) {
    return json(method, path, query, body, MAPPER.constructType(type));
  }

  /** A request whose answer has no body, such as a {@code DELETE} answered with 204. */
  public void sendNoContent(String method, String path, Query query, Object body) {
    exchange(request(method, path, query, body), BodyHandlers.ofByteArray());
  }

  /** A request with a raw body of {@code contentType}, answered with JSON. */
  public <T> T upload(
      String path, Query query, String contentType, BodyPublisher body, Class<T> type) {
    HttpRequest r =
        builder(path, query)
            .header("Content-Type", contentType)
            .method("POST", body)
            .header("Accept", "application/json")
            .build();
    return read(exchange(r, BodyHandlers.ofByteArray()).body(), MAPPER.constructType(type), r);
  }

  /** {@code GET path} answered with a stream that the caller reads and closes. */
  public InputStream download(String path, Query query) {
    HttpRequest r = builder(path, query).GET().build();
    return exchange(r, BodyHandlers.ofInputStream()).body();
  }

  private <T> T json(String method, String path, Query query, Object body, JavaType type) {
    HttpRequest r = request(method, path, query, body);
    return read(exchange(r, BodyHandlers.ofByteArray()).body(), type, r);
  }

  private HttpRequest request(String method, String path, Query query, Object body) {
    HttpRequest.Builder b = builder(path, query).header("Accept", "application/json");
    if (body == null) {
      return b.method(method, BodyPublishers.noBody()).build();
    }
    try {
      return b.header("Content-Type", "application/json")
          .method(method, BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder builder(String path, Query query) {
    String base = server.toString().replaceAll("/+$", "");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path + (query == null ? "" : query)))
            .timeout(timeout);
    if (token != null && !token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private <T> T read(byte[] body, JavaType type, HttpRequest r) {
    try {
      if (type.getRawClass() == Void.class) {
        return null;
      }
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw new FlowClientException(
          r.uri().toString(),
          "the server at "
              + server
              + " answered "
              + r.method()
              + " "
              + r.uri().getPath()
              + " with a body that is not the expected JSON: "
              + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  ? j.getOriginalMessage()
                  : e.getMessage()),
          e);
    }
  }

  private <T> HttpResponse<T> exchange(HttpRequest r, HttpResponse.BodyHandler<T> handler) {
    HttpResponse<T> response;
    try {
      response = http.send(r, handler);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new FlowClientException(
          r.uri().toString(),
          "cannot connect to the Flow server at "
              + server
              + " ("
              + (e instanceof ConnectException ? "connection refused" : "connect timed out")
              + "); is it running? Set the URL with --server or FLOW_SERVER",
          e);
    } catch (HttpTimeoutException e) {
      throw new FlowClientException(
          r.uri().toString(),
          "the Flow server at " + server + " did not answer within " + timeout.toSeconds() + " s",
          e);
    } catch (IOException e) {
      throw new FlowClientException(
          r.uri().toString(), "cannot talk to the Flow server at " + server + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlowClientException(r.uri().toString(), "interrupted", e);
    }
    if (response.statusCode() >= 400) {
      throw Problems.toException(r, response);
    }
    return response;
  }

  /** Reads a JSON answer that is either an array or an object with {@code items}. */
  public static <T> List<T> items(JsonNode node, Class<T> type) {
    JsonNode list = node.isArray() ? node : node.path("items");
    JavaType t = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    return MAPPER.convertValue(list.isMissingNode() ? MAPPER.createArrayNode() : list, t);
  }
}

package dev.flow.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A small HTTP client for tests: each call returns the status, the content type and the body. */
public final class Api {
  public static final ObjectMapper JSON = new ObjectMapper();

  /** A response; every body seen is kept, so that a test can check none holds a secret. */
  public record Response(int status, String contentType, byte[] bytes) {
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + text(), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + text();
    }
  }

  private static final List<Response> SEEN = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  public Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same server with another token (null: none). */
  public Api as(String otherToken) {
    return new Api(base, otherToken);
  }

  public String base() {
    return base;
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Response post(String path, Object json) {
    return send("POST", path, "application/json", body(json));
  }

  public Response put(String path, Object json) {
    return send("PUT", path, "application/json", body(json));
  }

  public Response patch(String path, Object json) {
    return send("PATCH", path, "application/json", body(json));
  }

  public Response postBytes(String path, String type, byte[] data) {
    return send("POST", path, type, data);
  }

  public Response send(String method, String path, String type, byte[] data) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    b.method(
        method,
        data == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(data));
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      Response out =
          new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
      SEEN.add(out);
      return out;
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Sends {@code body} as JSON (null: no body), asserts the status, and returns the body as JSON
   * (an empty object when there is none).
   */
  public JsonNode expect(String method, String path, Object body, int status) {
    Response r = send(method, path, body == null ? null : "application/json", body(body));
    if (r.status() != status) {
      throw new AssertionError(
          method
              + " "
              + path
              + ": expected "
              + status
              + " but got "
              + r.status()
              + ": "
              + r.text());
    }
    return r.bytes().length == 0 ? JSON.createObjectNode() : r.json();
  }

  /** Forgets the responses seen so far. */
  public static void clearSeen() {
    SEEN.clear();
  }

  /** Every response any test received so far. */
  public static List<Response> seen() {
    synchronized (SEEN) {
      return List.copyOf(SEEN);
    }
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] body(Object json) {
    if (json == null) {
      return null;
    }
    try {
      return json instanceof String s
          ? s.getBytes(StandardCharsets.UTF_8)
          : JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an error answer into a {@link FlowApiException}, problem details or not. */
final class Problems {
  private static final Set<String> STANDARD =
      Set.of("type", "title", "status", "detail", "instance", "problems");

  private Problems() {}

  static FlowApiException toException(HttpRequest r, HttpResponse<?> response) {
    String text = bodyText(response.body());
    JsonNode node = null;
    try {
      node = text.isBlank() ? null : ApiTransport.MAPPER.readTree(text);
    } catch (IOException notJson) {
      // answered by something that is not the Flow server, or a proxy: keep the text as the detail
    }
    int status = response.statusCode();
    if (node == null || !node.isObject()) {
      String detail = text.isBlank() ? null : abbreviate(text.strip());
      return new FlowApiException(
          r.uri().toString(), status, "about:blank", reason(status), detail, List.of(), Map.of());
    }
    List<ApiProblem> problems = new ArrayList<>();
    if (node.path("problems").isArray()) {
      problems.addAll(ApiTransport.items(node.get("problems"), ApiProblem.class));
    }
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!STANDARD.contains(e.getKey())) {
                extra.put(e.getKey(), e.getValue());
              }
            });
    return new FlowApiException(
        r.uri().toString(),
        node.path("status").asInt(status),
        node.path("type").asText("about:blank"),
        node.hasNonNull("title") ? node.get("title").asText() : reason(status),
        node.hasNonNull("detail") ? node.get("detail").asText() : null,
        problems,
        extra);
  }

  private static String bodyText(Object body) {
    try {
      if (body instanceof byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
      }
      if (body instanceof InputStream in) {
        try (in) {
          return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      return "";
    }
    return body == null ? "" : body.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  /** The standard reason phrase of the usual statuses. */
  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "HTTP " + status;
    };
  }
}

package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.ApiProblem;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail that the server answered with: the status, title, detail, the located
 * problems (of a flow that does not validate, say) and any other member (such as {@code
 * currentVersion} of a 409).
 */
public class FlowApiException extends FlowClientException {
  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final List<ApiProblem> problems;
  private final Map<String, JsonNode> properties;

  public FlowApiException(
      String url,
      int status,
      String type,
      String title,
      String detail,
      List<ApiProblem> problems,
      Map<String, JsonNode> properties) {
    super(url, message(status, title, detail), null);
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.problems = List.copyOf(problems);
    this.properties = Map.copyOf(properties);
  }

  private static String message(int status, String title, String detail) {
    StringBuilder b = new StringBuilder().append(status);
    if (title != null && !title.isEmpty()) {
      b.append(' ').append(title);
    }
    if (detail != null && !detail.isEmpty() && !detail.equals(title)) {
      b.append(": ").append(detail);
    }
    return b.toString();
  }

  /** The HTTP status, e.g. 409. */
  public int status() {
    return status;
  }

  /** The problem type URI, {@code about:blank} when the server gave none. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** The explanation of this occurrence, or null. */
  public String detail() {
    return detail;
  }

  /** The located problems, empty when there are none. */
  public List<ApiProblem> problems() {
    return problems;
  }

  /** The problem's other members, e.g. {@code currentVersion}. */
  public Map<String, JsonNode> properties() {
    return properties;
  }

  /** A member of the problem as a number, or null when absent. */
  public Integer intProperty(String name) {
    JsonNode n = properties.get(name);
    return n != null && n.canConvertToInt() ? n.asInt() : null;
  }
}

package dev.flow.server.api;

import dev.flow.model.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served, answered as an RFC 9457 problem: status, a kind that becomes
 * {@code https://flow.dev/problems/<kind>}, a title, a detail, located problems and extra members.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String kind;
  private final String title;
  private final List<Problem> problems;
  private final Map<String, Object> extra = new LinkedHashMap<>();

  public ApiException(
      int status, String kind, String title, String detail, List<Problem> problems) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.title = title;
    this.problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "bad-request", "Bad request", detail, null);
  }

  public static ApiException invalid(String detail, List<Problem> problems) {
    return new ApiException(400, "invalid-flow", "The flow is not valid", detail, problems);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail, null);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "conflict", "Conflict", detail, null);
  }

  public static ApiException tooLarge(String detail) {
    return new ApiException(413, "too-large", "Content too large", detail, null);
  }

  /** Adds a member to the problem document, e.g. {@code currentVersion}. */
  public ApiException with(String key, Object value) {
    extra.put(key, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public List<Problem> problems() {
    return problems;
  }

  public Map<String, Object> extra() {
    return extra;
  }
}

package dev.flow.connectors.http;

import dev.flow.expr.Template;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/** Props of the {@code Fetch} transform. */
public record FetchOptions(
    @Prop(
            description = "The URL, with expressions over the record in braces.",
            required = true,
            example = "https://api.example.com/customers/{customer.id}")
        Template url,
    @Prop(description = "GET, POST, PUT, PATCH or DELETE.", defaultValue = "GET")
        RequestMethod method,
    @Prop(description = "Request headers; values may hold expressions in braces.")
        Map<String, Template> headers,
    @Prop(
            description =
                "The request body (POST, PUT, PATCH), a template: {expr} inserts a value (text"
                    + " without quotes, numbers, lists and maps as JSON) and {{ }} write literal"
                    + " braces, so a JSON body reads {{\"id\": {id}, \"name\": \"{name}\"}}.")
        Template body,
    @Prop(description = "The time one attempt may take.", defaultValue = "5s", min = "1ms")
        Duration timeout,
    @Prop(
            description =
                "Attempts after the first on a 5xx, a 429, a timeout or a connection error.",
            defaultValue = "3",
            min = "0")
        int retries,
    @Prop(
            description = "The wait before the first retry; it doubles each time.",
            defaultValue = "200ms")
        Duration backoff,
    @Prop(description = "The longest wait between retries.", defaultValue = "10s")
        Duration maxBackoff,
    @Prop(
            description = "Requests in flight per parallel instance; more wait (back-pressure).",
            defaultValue = "100",
            min = "1")
        int maxInFlight,
    @Prop(
            description = "How long an answer is reused for the same request; 0s: no cache.",
            defaultValue = "0s")
        Duration cacheTtl,
    @Prop(description = "The most answers the cache holds.", defaultValue = "10000", min = "1")
        int cacheSize,
    @Prop(description = "The field the answer is written to.", defaultValue = "response")
        FieldPath target,
    @Prop(description = "The part of a JSON answer to keep, as a dotted path; unset: all of it.")
        String responsePath,
    @Prop(
            description =
                "What a 404 does: error (to the error stage), pass (the record unchanged) or drop.",
            defaultValue = "error")
        NotFound onNotFound,
    @Prop(
            description = "Keep the input order (slower when answers come back out of order).",
            defaultValue = "false")
        boolean ordered)
    implements Serializable {

  /** What a 404 answer does to the record. */
  public enum NotFound {
    ERROR,
    PASS,
    DROP
  }

  /** Options with every default and the given URL. */
  public static FetchOptions of(Template url) {
    return new FetchOptions(
        url,
        RequestMethod.GET,
        Map.of(),
        null,
        Duration.ofSeconds(5),
        3,
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        100,
        Duration.ZERO,
        10_000,
        FieldPath.of("response"),
        null,
        NotFound.ERROR,
        false);
  }
}

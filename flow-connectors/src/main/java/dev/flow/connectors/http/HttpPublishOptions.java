package dev.flow.connectors.http;

import dev.flow.expr.Template;
import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/** Props of the {@code HTTP} publisher. */
public record HttpPublishOptions(
    @Prop(
            description =
                "The URL; with batch: record it may hold expressions in braces, with batch: array"
                    + " it must be constant.",
            required = true)
        Template url,
    @Prop(description = "POST, PUT, PATCH or DELETE.", defaultValue = "POST") RequestMethod method,
    @Prop(description = "Request headers; values may hold expressions in braces (batch: record).")
        Map<String, Template> headers,
    @Prop(
            description = "Headers whose values are secrets, e.g. X-Api-Key: ${env:CRM_KEY}.",
            secret = true)
        Map<String, String> secretHeaders,
    @Prop(description = "Sent as 'Authorization: Bearer <token>'.", secret = true)
        String bearerToken,
    @Prop(
            description =
                "The body of one request per record, a template: {expr} inserts a value (text"
                    + " without quotes, numbers, lists and maps as JSON) and {{ }} write literal"
                    + " braces, so a JSON body reads {{\"id\": {id}}}; unset: the record.")
        Template body,
    @Prop(
            description = "record: one request per record; array: one JSON array per batch.",
            defaultValue = "record")
        Batch batch,
    @Prop(description = "The most records in one array request.", defaultValue = "100", min = "1")
        int batchSize,
    @Prop(description = "The most bytes of records in one array request.", defaultValue = "1048576")
        int batchBytes,
    @Prop(description = "The longest a record waits for its batch to fill.", defaultValue = "1s")
        Duration linger,
    @Prop(description = "The time one attempt may take.", defaultValue = "10s") Duration timeout,
    @Prop(
            description =
                "Attempts after the first on a 5xx, a 429, a timeout or a connection error.",
            defaultValue = "5",
            min = "0")
        int retries,
    @Prop(
            description = "The wait before the first retry; it doubles each time.",
            defaultValue = "500ms")
        Duration backoff,
    @Prop(description = "The longest wait between retries.", defaultValue = "30s")
        Duration maxBackoff,
    @Prop(
            description = "Requests per second at most, per parallel instance; 0: no limit.",
            defaultValue = "0",
            min = "0")
        double rateLimit,
    @Prop(
            description =
                "Records not yet confirmed, per parallel instance; more wait (back-pressure).",
            defaultValue = "1000",
            min = "1")
        int maxInFlight)
    implements Serializable {

  /** One request per record, or one array per batch. */
  public enum Batch {
    RECORD,
    ARRAY
  }
}

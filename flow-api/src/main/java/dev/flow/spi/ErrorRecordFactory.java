package dev.flow.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.io.Serializable;
import java.time.Instant;
import java.util.Base64;

/**
 * Builds error records for one stage. An error record's payload is an object with the flow, the
 * stage, the action, the error message, a timestamp, the run id and the failed record, which is the
 * original record or the stage's record by the flow's {@link ErrorPolicy}.
 */
public final class ErrorRecordFactory implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String flow;
  private final String stage;
  private final String action;
  private final ErrorPolicy policy;

  public ErrorRecordFactory(String flow, String stage, String action, ErrorPolicy policy) {
    this.flow = flow;
    this.stage = stage;
    this.action = action;
    this.policy = policy;
  }

  public ErrorPolicy policy() {
    return policy;
  }

  /** The error record for {@code record}, which failed with {@code error}. */
  public FlowRecord create(FlowRecord record, Throwable error) {
    return create(record, describe(error));
  }

  /** The error record for {@code record}, which failed for the reason in {@code message}. */
  public FlowRecord create(FlowRecord record, String message) {
    ObjectNode e = Json.NODES.objectNode();
    e.put("flow", flow);
    e.put("stage", stage);
    e.put("action", action);
    e.put("error", message);
    e.put("timestamp", Instant.now().toString());
    e.put("runId", record.runId());
    e.put("policy", policy.name());
    byte[] original = record.original();
    if (policy == ErrorPolicy.ORIGINAL_RECORD && original != null) {
      putBytes(e, original);
    } else {
      e.set("record", record.asObjectNode().deepCopy());
    }
    putOrigin(e, record.meta());
    FlowRecord out = FlowRecord.of(e);
    out.runId(record.runId()).triggerTime(record.triggerTime()).eventTime(record.eventTime());
    if (record.meta() != null) {
      out.meta(record.meta().deepCopy());
    }
    return out;
  }

  /** The error record for raw input that never became a record, such as bytes that are not JSON. */
  public FlowRecord createRaw(byte[] raw, String runId, long triggerTime, String message) {
    return createRaw(raw, runId, triggerTime, message, null);
  }

  /**
   * The error record for raw input that never became a record, with the trigger's metadata, which
   * names where the input came from.
   */
  public FlowRecord createRaw(
      byte[] raw, String runId, long triggerTime, String message, ObjectNode meta) {
    ObjectNode e = Json.NODES.objectNode();
    e.put("flow", flow);
    e.put("stage", stage);
    e.put("action", action);
    e.put("error", message);
    e.put("timestamp", Instant.now().toString());
    e.put("runId", runId);
    e.put("policy", policy.name());
    putBytes(e, raw);
    putOrigin(e, meta);
    FlowRecord out = FlowRecord.of(e);
    out.runId(runId).triggerTime(triggerTime);
    if (meta != null) {
      out.meta(meta.deepCopy());
    }
    return out;
  }

  /**
   * The metadata keys that say where a trigger's input came from: Kafka topic, partition and
   * offset; Kinesis stream, shard and sequence number; a file, line and byte offset; a webhook
   * request id, remote address and time; a polled table and position.
   */
  static final String[] ORIGIN_KEYS = {
    "topic", "partition", "offset",
    "stream", "shardId", "sequenceNumber",
    "file", "line", "byteOffset",
    "requestId", "remoteAddress", "receivedAt",
    "table", "position"
  };

  /** Adds {@code "origin"}: the keys of {@link #ORIGIN_KEYS} that {@code meta} holds. */
  private static void putOrigin(ObjectNode e, ObjectNode meta) {
    if (meta == null) {
      return;
    }
    ObjectNode origin = null;
    for (String k : ORIGIN_KEYS) {
      com.fasterxml.jackson.databind.JsonNode v = meta.get(k);
      if (v != null && !v.isNull() && !v.isContainerNode()) {
        if (origin == null) {
          origin = e.putObject("origin");
        }
        origin.set(k, v);
      }
    }
  }

  /**
   * Puts the bytes as they came: as the JSON object itself only when writing it back gives exactly
   * these bytes; otherwise as a string (valid UTF-8, {@code "recordEncoding":"utf8"}) or in base64
   * ({@code "recordEncoding":"base64"}).
   */
  private static void putBytes(ObjectNode e, byte[] raw) {
    try {
      com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(raw);
      if (tree == null
          || tree.isMissingNode()
          || !java.util.Arrays.equals(Json.MAPPER.writeValueAsBytes(tree), raw)) {
        throw new IllegalStateException("not faithful");
      }
      e.set("record", tree);
    } catch (Exception notJson) {
      String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
      if (java.util.Arrays.equals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), raw)) {
        e.put("record", text);
        e.put("recordEncoding", "utf8");
      } else {
        e.put("record", Base64.getEncoder().encodeToString(raw));
        e.put("recordEncoding", "base64");
      }
    }
  }

  /** A one-line message for an exception: its message, or its type when it has none. */
  public static String describe(Throwable t) {
    Throwable root = t;
    // A future's wrapper says only "SomeException: message" of its cause; the cause speaks for
    // itself.
    while ((root instanceof java.util.concurrent.CompletionException
            || root instanceof java.util.concurrent.ExecutionException)
        && root.getCause() != null) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    while ((msg == null || msg.isBlank()) && root.getCause() != null) {
      root = root.getCause();
      msg = root.getMessage();
    }
    if (msg == null || msg.isBlank()) {
      return root.getClass().getSimpleName();
    }
    return msg;
  }
}

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
    FlowRecord out = FlowRecord.of(e);
    out.runId(record.runId()).triggerTime(record.triggerTime()).eventTime(record.eventTime());
    if (record.meta() != null) {
      out.meta(record.meta().deepCopy());
    }
    return out;
  }

  /** The error record for raw input that never became a record, such as bytes that are not JSON. */
  public FlowRecord createRaw(byte[] raw, String runId, long triggerTime, String message) {
    ObjectNode e = Json.NODES.objectNode();
    e.put("flow", flow);
    e.put("stage", stage);
    e.put("action", action);
    e.put("error", message);
    e.put("timestamp", Instant.now().toString());
    e.put("runId", runId);
    e.put("policy", policy.name());
    putBytes(e, raw);
    FlowRecord out = FlowRecord.of(e);
    out.runId(runId).triggerTime(triggerTime);
    return out;
  }

  private static void putBytes(ObjectNode e, byte[] raw) {
    try {
      e.set("record", Json.MAPPER.readTree(raw));
      if (e.get("record") == null || e.get("record").isMissingNode()) {
        throw new IllegalStateException();
      }
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
    String msg = t.getMessage();
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

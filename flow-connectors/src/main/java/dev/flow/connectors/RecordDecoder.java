package dev.flow.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.InvalidRecordException;
import dev.flow.record.Json;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Turns a message's bytes into a record by a {@link PayloadFormat}; never throws. Bytes that are
 * not a JSON object on a JSON topic still become a record (holding those bytes), which the
 * framework's check sends to the error stage with the raw bytes.
 */
public final class RecordDecoder implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PayloadFormat format;
  private final FieldPath valueField;
  private final FieldPath eventTimeField;

  /**
   * @param format how to read the bytes
   * @param valueField the field that holds string or bytes values (unused for JSON), or null for
   *     {@code value}
   * @param eventTimeField the field that holds the event time, or null
   */
  public RecordDecoder(PayloadFormat format, FieldPath valueField, FieldPath eventTimeField) {
    this.format = format;
    this.valueField = valueField == null ? FieldPath.of("value") : valueField;
    this.eventTimeField = eventTimeField;
  }

  /** The record for {@code raw}; a null message (a tombstone) gives an empty payload. */
  public FlowRecord decode(byte[] raw) {
    if (raw == null) {
      FlowRecord r =
          format == PayloadFormat.JSON ? FlowRecord.empty() : wrap(Json.NODES.nullNode());
      r.metaForWrite().put("tombstone", true);
      return r;
    }
    FlowRecord r;
    switch (format) {
      case STRING -> r = wrap(Json.NODES.textNode(new String(raw, StandardCharsets.UTF_8)));
      case BYTES -> r = wrap(Json.NODES.textNode(Base64.getEncoder().encodeToString(raw)));
      default -> {
        if (eventTimeField == null) {
          r = FlowRecord.ofJsonBytes(raw);
        } else {
          try {
            r = FlowRecord.parseJson(raw);
            r.eventTime(eventTime(r.get(eventTimeField)));
          } catch (InvalidRecordException notAnObject) {
            r = FlowRecord.ofJsonBytes(raw);
          }
        }
      }
    }
    return r.original(raw);
  }

  private FlowRecord wrap(JsonNode value) {
    FlowRecord r = FlowRecord.empty();
    r.set(valueField, value);
    return r;
  }

  /**
   * The event time in a field: epoch milliseconds as a number or a string of digits, or an ISO-8601
   * instant ({@code 2024-05-01T10:00:00Z}, or with an offset). Anything else gives {@link
   * FlowRecord#NO_TIME}.
   */
  public static long eventTime(JsonNode v) {
    if (v == null || v.isNull()) {
      return FlowRecord.NO_TIME;
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    if (!v.isTextual()) {
      return FlowRecord.NO_TIME;
    }
    String s = v.textValue().trim();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException notDigits) {
      // an ISO-8601 text, tried next
    }
    try {
      return Instant.parse(s).toEpochMilli();
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(s).toInstant().toEpochMilli();
      } catch (DateTimeParseException notOffset) {
        return FlowRecord.NO_TIME;
      }
    }
  }

  /** Adds the bytes of a key or header to {@code meta}: UTF-8 text, or base64 when not text. */
  public static void putBytes(ObjectNode meta, String name, byte[] bytes) {
    if (bytes == null) {
      meta.putNull(name);
      return;
    }
    String text = Text.utf8OrNull(bytes);
    if (text != null) {
      meta.put(name, text);
    } else {
      meta.put(name, Base64.getEncoder().encodeToString(bytes));
      meta.put(name + "Encoding", "base64");
    }
  }
}

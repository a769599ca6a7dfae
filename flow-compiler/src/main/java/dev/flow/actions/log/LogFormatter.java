package dev.flow.actions.log;

import dev.flow.actions.log.LogOptions.Format;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Turns a record into the text the Log publisher prints. It never throws: a payload that is not
 * valid JSON is printed as its raw text, marked as such.
 */
final class LogFormatter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Format format;
  private final String stage;

  LogFormatter(Format format, String stage) {
    this.format = format == null ? Format.JSON : format;
    this.stage = stage;
  }

  /** The text for {@code record}, without a trailing newline. */
  String format(FlowRecord record) {
    return switch (format) {
      case JSON -> json(record);
      case PRETTY -> pretty(record);
      case TEXT -> stage + " run=" + record.runId() + " " + json(record);
    };
  }

  private static String json(FlowRecord record) {
    try {
      byte[] bytes = record.toJsonBytes();
      if (!hasLineBreak(bytes)) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      return Json.MAPPER.writeValueAsString(record.asObjectNode());
    } catch (Exception e) {
      return unreadable(record, e);
    }
  }

  private static String pretty(FlowRecord record) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record.asObjectNode());
    } catch (Exception e) {
      return unreadable(record, e);
    }
  }

  private static String unreadable(FlowRecord record, Exception e) {
    String raw;
    try {
      raw = new String(record.toJsonBytes(), StandardCharsets.UTF_8).replace('\n', ' ');
    } catch (RuntimeException again) {
      raw = "";
    }
    return "(not JSON: " + e.getMessage() + ") " + raw;
  }

  private static boolean hasLineBreak(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        return true;
      }
    }
    return false;
  }
}

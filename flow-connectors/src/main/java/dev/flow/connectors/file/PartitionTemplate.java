package dev.flow.connectors.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.connectors.file.WriteFileOptions.PartitionTime;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition path such as {@code dt={time:yyyy-MM-dd}/country={country}}, rendered per record.
 * Field values are percent-encoded so that they can never leave the base directory or add levels.
 */
final class PartitionTemplate implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<Object> parts; // String literal, FieldPath, or TimePart
  private final PartitionTime time;
  private final ZoneId zone;
  private final String missing;

  private PartitionTemplate(
      String source, List<Object> parts, PartitionTime time, ZoneId zone, String missing) {
    this.source = source;
    this.parts = parts;
    this.time = time;
    this.zone = zone;
    this.missing = missing;
  }

  /** Parses {@code template}; throws {@link IllegalArgumentException} with the column at fault. */
  static PartitionTemplate parse(
      String template, PartitionTime time, String zone, String defaultPartition) {
    String text = template == null ? "" : template;
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int close = text.indexOf('}', i);
      if (close >= 0 && (open < 0 || close < open)) {
        throw bad(text, close, "a '}' without '{'");
      }
      if (open < 0) {
        parts.add(literal(text, i, text.length()));
        break;
      }
      if (open > i) {
        parts.add(literal(text, i, open));
      }
      if (close < 0) {
        throw bad(text, open, "a '{' without '}'");
      }
      parts.add(placeholder(text, open, close));
      i = close + 1;
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone == null ? "UTC" : zone);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + zone + "'");
    }
    String missing =
        defaultPartition == null || defaultPartition.isEmpty() ? "__null__" : defaultPartition;
    return new PartitionTemplate(
        text,
        List.copyOf(parts),
        time == null ? PartitionTime.EVENT : time,
        zoneId,
        encode(missing));
  }

  private static String literal(String text, int from, int to) {
    String lit = text.substring(from, to);
    for (String level : lit.split("/", -1)) {
      if (level.equals("..") || level.equals(".")) {
        throw bad(text, from, "'.' and '..' are not allowed as directory names");
      }
    }
    if (from == 0 && lit.startsWith("/")) {
      throw bad(text, 0, "the partition must be relative to path (no leading '/')");
    }
    return lit;
  }

  private static Object placeholder(String text, int open, int close) {
    String inner = text.substring(open + 1, close).trim();
    if (inner.startsWith("time:")) {
      String pattern = inner.substring("time:".length());
      try {
        return new TimePart(pattern);
      } catch (IllegalArgumentException e) {
        throw bad(text, open, "bad date pattern '" + pattern + "': " + e.getMessage());
      }
    }
    try {
      return FieldPath.parse(inner);
    } catch (IllegalArgumentException e) {
      throw bad(text, open, e.getMessage());
    }
  }

  private static IllegalArgumentException bad(String text, int index, String message) {
    return new IllegalArgumentException(
        "partitionBy '" + text + "' at column " + (index + 1) + ": " + message);
  }

  /** The partition of {@code record}; {@code nowMillis} is the processing time. */
  String render(FlowRecord record, long nowMillis) {
    if (parts.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (Object p : parts) {
      if (p instanceof String lit) {
        b.append(lit);
      } else if (p instanceof FieldPath path) {
        b.append(value(record.get(path)));
      } else {
        b.append(((TimePart) p).format(millis(record, nowMillis), zone));
      }
    }
    return b.toString();
  }

  private long millis(FlowRecord r, long now) {
    return switch (time) {
      case PROCESSING -> now;
      case TRIGGER -> r.triggerTime();
      case EVENT -> r.eventTime() != FlowRecord.NO_TIME ? r.eventTime() : r.triggerTime();
    };
  }

  private String value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return missing;
    }
    String text = v.isValueNode() ? v.asText() : v.toString();
    return text.isEmpty() ? missing : encode(text);
  }

  /** Keeps letters, digits and {@code - _ . + @}; percent-encodes the rest and lone dots. */
  static String encode(String text) {
    if (text.equals(".") || text.equals("..")) {
      return text.replace(".", "%2E");
    }
    StringBuilder b = new StringBuilder(text.length());
    for (byte by : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (by & 0xFF);
      if (c < 128 && (Character.isLetterOrDigit(c) || "-_.+@".indexOf(c) >= 0)) {
        b.append(c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return source;
  }

  /** A {@code {time:PATTERN}} part; the formatter is rebuilt after deserialization. */
  static final class TimePart implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String pattern;
    private transient DateTimeFormatter formatter;

    TimePart(String pattern) {
      this.pattern = pattern;
      this.formatter = DateTimeFormatter.ofPattern(pattern);
    }

    String format(long millis, ZoneId zone) {
      if (formatter == null) {
        formatter = DateTimeFormatter.ofPattern(pattern);
      }
      return formatter.format(Instant.ofEpochMilli(millis).atZone(zone));
    }
  }
}

package dev.flow.bench.s6;

import dev.flow.bench.flink.CountingSink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * Writes a result row as a JSON object, instants as ISO-8601 text: what a JSON sink would do. A row
 * that retracts an earlier one (a changelog's -U or -D) gets a field {@code "$retract": true}.
 */
final class RowJson implements CountingSink.ToBytes<Row> {
  private static final long serialVersionUID = 1L;
  private final String[] names;

  RowJson(String[] names) {
    this.names = names;
  }

  @Override
  public byte[] apply(Row row) {
    StringBuilder sb = new StringBuilder(160).append('{');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(names[i]).append("\":");
      Object v = row.getField(i);
      if (v == null) {
        sb.append("null");
      } else if (v instanceof Number || v instanceof Boolean) {
        sb.append(v);
      } else if (v instanceof Instant t) {
        sb.append('"').append(t).append('"');
      } else if (v instanceof LocalDateTime t) {
        sb.append('"').append(t.toInstant(ZoneOffset.UTC)).append('"');
      } else {
        quote(sb, v.toString());
      }
    }
    if (row.getKind() == RowKind.UPDATE_BEFORE || row.getKind() == RowKind.DELETE) {
      sb.append(",\"$retract\":true");
    }
    return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}

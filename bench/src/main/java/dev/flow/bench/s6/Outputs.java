package dev.flow.bench.s6;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the outputs of two variants of a query: each JSON output becomes one line of its
 * compared fields in a canonical form, and the sorted lines must be equal.
 */
final class Outputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Outputs() {}

  /**
   * The sorted canonical lines of these outputs; an output marked {@code $retract} takes back an
   * earlier equal one, so a changelog compares as the result it ends with.
   */
  static List<String> canonical(List<byte[]> outputs, List<String> fields) throws IOException {
    List<String> lines = new ArrayList<>(outputs.size());
    java.util.Map<String, Integer> retracted = new java.util.HashMap<>();
    for (byte[] b : outputs) {
      JsonNode o = JSON.readTree(b);
      boolean retract = o.path("$retract").asBoolean(false);
      StringBuilder sb = new StringBuilder();
      for (String f : fields) {
        int colon = f.indexOf(':');
        String name = colon < 0 ? f : f.substring(0, colon);
        String kind = colon < 0 ? "" : f.substring(colon + 1);
        JsonNode v = o.get(name);
        sb.append(name).append('=').append(value(v, kind)).append(' ');
      }
      if (retract) {
        retracted.merge(sb.toString(), 1, Integer::sum);
      } else {
        lines.add(sb.toString());
      }
    }
    for (var e : retracted.entrySet()) {
      for (int i = 0; i < e.getValue(); i++) {
        if (!lines.remove(e.getKey())) {
          throw new IllegalStateException("a retraction of an output never emitted: " + e.getKey());
        }
      }
    }
    lines.sort(null);
    return lines;
  }

  private static String value(JsonNode v, String kind) {
    if (v == null || v.isNull()) {
      return "null";
    }
    return switch (kind) {
      case "time" ->
          String.valueOf(v.isNumber() ? v.asLong() : Instant.parse(v.asText()).toEpochMilli());
      case "dec" -> new BigDecimal(v.asText()).setScale(3, RoundingMode.HALF_UP).toPlainString();
      default -> v.isTextual() ? v.asText() : v.toString();
    };
  }

  /** Null when equal; otherwise what differs, briefly. */
  static String difference(List<String> a, List<String> b) {
    if (a.equals(b)) {
      return null;
    }
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      if (!a.get(i).equals(b.get(i))) {
        return a.size()
            + " vs "
            + b.size()
            + " outputs; first difference: ["
            + a.get(i)
            + "] vs ["
            + b.get(i)
            + "]";
      }
    }
    return a.size() + " vs " + b.size() + " outputs";
  }
}

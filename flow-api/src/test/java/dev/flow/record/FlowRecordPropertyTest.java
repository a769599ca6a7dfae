package dev.flow.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Applies random sequences of reads, edits, copies and round trips to random JSON documents, and
 * checks each result against the same operations on a plain Jackson {@link ObjectNode}.
 */
class FlowRecordPropertyTest {
  private static final String[] NAMES = {"a", "b", "c", "é", "a.b", "q\"t", "", "日本", "x\\y"};
  private static final String[] NEW_NAMES = {"n1", "n2", "ö"};
  private static final String[] STRING_PARTS = {
    "plain", "é", "☃", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "\\t", " "
  };
  private static final String[] NUMBERS = {
    "0",
    "-1",
    "42",
    "2147483647",
    "2147483648",
    "-9223372036854775808",
    "9223372036854775808",
    "12345678901234567890123",
    "1.5",
    "-0.25",
    "1e3",
    "2.5E-3",
    "0.1000000000000000000000001",
    "-0",
    "1.50",
    "123456789012345678901234567890.123456789"
  };
  private static final String[] SPACE = {"", "", "", " ", "\n  ", "\t"};

  private final List<String> log = new ArrayList<>();

  @Test
  void randomOperationsMatchTheJacksonTreeModel() throws IOException {
    for (int doc = 0; doc < 1500; doc++) {
      Random rnd = new Random(1000L + doc);
      String text = object(rnd, 0);
      log.clear();
      log.add("seed " + (1000L + doc) + " doc " + text);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      FlowRecord rec =
          rnd.nextBoolean() ? FlowRecord.parseJson(bytes) : FlowRecord.ofJsonBytes(bytes);
      ObjectNode model = (ObjectNode) Json.MAPPER.readTree(bytes);
      try {
        run(rnd, rec, model, 40, true);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(String.join("\n", log), e);
      }
    }
  }

  /** Runs random steps; returns the record the steps ended on (a round trip makes a new one). */
  @Test
  void parseJsonAcceptsExactlyWhatJacksonAccepts() throws IOException {
    byte[] noise = utf8(" ,:{}[]\"\\0-1.eE+tnx\u00e9");
    for (int doc = 0; doc < 8_000; doc++) {
      Random rnd = new Random(50_000L + doc);
      byte[] valid = utf8(object(rnd, 0));
      byte[] b = mutate(rnd, valid, noise);
      ObjectNode jackson;
      try {
        jackson = RecordParser.jacksonParse(b);
      } catch (InvalidRecordException e) {
        jackson = null;
      }
      FlowRecord rec;
      try {
        rec = FlowRecord.parseJson(b);
      } catch (InvalidRecordException e) {
        rec = null;
      }
      String what = new String(b, StandardCharsets.UTF_8);
      assertThat(rec == null).as("refused: %s", what).isEqualTo(jackson == null);
      if (rec != null) {
        assertThat(rec.asObjectNode()).as(what).isEqualTo(jackson);
      }
    }
  }

  /** Deletes, inserts or replaces one or two bytes. */
  private static byte[] mutate(Random rnd, byte[] b, byte[] noise) {
    for (int n = 1 + rnd.nextInt(2); n > 0 && b.length > 0; n--) {
      int at = rnd.nextInt(b.length);
      byte c = noise[rnd.nextInt(noise.length)];
      byte[] out;
      switch (rnd.nextInt(3)) {
        case 0 -> {
          out = new byte[b.length - 1];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        }
        case 1 -> {
          out = new byte[b.length + 1];
          System.arraycopy(b, 0, out, 0, at);
          out[at] = c;
          System.arraycopy(b, at, out, at + 1, b.length - at);
        }
        default -> {
          out = b.clone();
          out[at] = c;
        }
      }
      b = out;
    }
    return b;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private FlowRecord run(Random rnd, FlowRecord rec, ObjectNode model, int steps, boolean mayCopy)
      throws IOException {
    for (int step = 0; step < steps; step++) {
      int op = rnd.nextInt(100);
      FieldPath p = path(rnd);
      String ps = show(p);
      if (op < 20) {
        log.add("get " + ps);
        assertThat(rec.get(p)).isEqualTo(get(model, p));
      } else if (op < 25) {
        log.add("get top " + p.head());
        assertThat(rec.get(p.head())).isEqualTo(model.get(p.head()));
      } else if (op < 30) {
        log.add("has " + ps);
        assertThat(rec.has(p)).isEqualTo(get(model, p) != null);
      } else if (op < 48) {
        JsonNode v = Json.MAPPER.readTree(value(rnd, 1));
        log.add("set " + ps + " = " + v);
        rec.set(p, v.deepCopy());
        set(model, p, v);
      } else if (op < 58) {
        log.add("remove " + ps);
        assertThat(rec.remove(p)).isEqualTo(remove(model, p));
      } else if (op < 62) {
        log.add("drop " + ps);
        assertThat(rec.drop(p)).isEqualTo(remove(model, p) != null);
      } else if (op < 76) {
        FieldPath to = path(rnd);
        log.add("rename " + ps + " -> " + show(to));
        JsonNode v = remove(model, p);
        if (v != null) {
          set(model, to, v);
        }
        assertThat(rec.rename(p, to)).isEqualTo(v != null);
      } else if (op < 82 && mayCopy) {
        log.add("copy");
        FlowRecord c = rec.copy();
        ObjectNode cm = model.deepCopy();
        boolean onCopy = rnd.nextBoolean();
        FlowRecord after = run(rnd, onCopy ? c : rec, onCopy ? cm : model, 6, false);
        if (onCopy) {
          c = after;
        } else {
          rec = after;
        }
        log.add("check both after copy");
        same(rec, model);
        same(c, cm);
        if (onCopy) {
          rec = c;
          model = cm;
        }
      } else if (op < 88) {
        log.add("bytes");
        same(rec, model);
      } else if (op < 92) {
        log.add("serializer round trip");
        rec = roundTrip(rec);
      } else if (op < 96) {
        log.add("field names");
        List<String> names = new ArrayList<>();
        rec.fieldNames().forEachRemaining(names::add);
        List<String> expected = new ArrayList<>();
        model.fieldNames().forEachRemaining(expected::add);
        assertThat(names).isEqualTo(expected);
      } else if (op < 98) {
        log.add("equals");
        assertThat(rec).isEqualTo(FlowRecord.of(model.deepCopy()));
        assertThat(rec.hashCode()).isEqualTo(model.hashCode());
      } else {
        log.add("as tree");
        assertThat(canonical(rec.asObjectNode())).isEqualTo(canonical(model));
      }
    }
    same(rec, model);
    return rec;
  }

  /** Same content and the same field order at every level. */
  private static void same(FlowRecord rec, ObjectNode model) throws IOException {
    JsonNode back = Json.MAPPER.readTree(rec.toJsonBytes());
    assertThat(back).isEqualTo(model);
    assertThat(canonical(back)).isEqualTo(canonical(model));
  }

  private static String show(FieldPath p) {
    List<String> segs = new ArrayList<>();
    for (int i = 0; i < p.length(); i++) {
      segs.add(p.segment(i));
    }
    return segs.toString();
  }

  private static String canonical(JsonNode n) throws IOException {
    return Json.MAPPER.writeValueAsString(n);
  }

  private static FlowRecord roundTrip(FlowRecord r) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    FlowRecordSerializer.INSTANCE.serialize(r, out);
    return FlowRecordSerializer.INSTANCE.deserialize(
        new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  // ------------------------------------------------------------ the model: plain ObjectNode edits

  private static JsonNode get(ObjectNode root, FieldPath p) {
    JsonNode cur = root;
    for (int i = 0; i < p.length(); i++) {
      if (cur == null || !cur.isObject()) {
        return null;
      }
      cur = cur.get(p.segment(i));
    }
    return cur;
  }

  private static void set(ObjectNode root, FieldPath p, JsonNode v) {
    ObjectNode cur = root;
    for (int i = 0; i < p.length() - 1; i++) {
      JsonNode next = cur.get(p.segment(i));
      if (next == null || !next.isObject()) {
        next = cur.putObject(p.segment(i));
      }
      cur = (ObjectNode) next;
    }
    cur.set(p.leaf(), v);
  }

  private static JsonNode remove(ObjectNode root, FieldPath p) {
    JsonNode cur = root;
    for (int i = 0; i < p.length() - 1; i++) {
      cur = cur.get(p.segment(i));
      if (cur == null || !cur.isObject()) {
        return null;
      }
    }
    return ((ObjectNode) cur).remove(p.leaf());
  }

  // ------------------------------------------------------------ random documents

  private static FieldPath path(Random rnd) {
    String[] segs = new String[1 + rnd.nextInt(rnd.nextInt(4) + 1)];
    for (int i = 0; i < segs.length; i++) {
      segs[i] = rnd.nextInt(6) == 0 ? pick(rnd, NEW_NAMES) : pick(rnd, NAMES);
    }
    return FieldPath.of(segs);
  }

  private static String pick(Random rnd, String[] xs) {
    return xs[rnd.nextInt(xs.length)];
  }

  private static String object(Random rnd, int depth) {
    StringBuilder b = new StringBuilder("{").append(pick(rnd, SPACE));
    int n = rnd.nextInt(depth == 0 ? 7 : 4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(pick(rnd, SPACE)).append(',').append(pick(rnd, SPACE));
      }
      b.append(name(rnd, pick(rnd, NAMES))).append(pick(rnd, SPACE)).append(':');
      b.append(pick(rnd, SPACE)).append(value(rnd, depth + 1));
    }
    return b.append(pick(rnd, SPACE)).append('}').toString();
  }

  private static String name(Random rnd, String name) {
    StringBuilder b = new StringBuilder("\"");
    boolean escapeAll = rnd.nextInt(5) == 0;
    for (char c : name.toCharArray()) {
      if (escapeAll) {
        b.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static String value(Random rnd, int depth) {
    int k = rnd.nextInt(depth < 4 ? 10 : 7);
    switch (k) {
      case 0, 1 -> {
        StringBuilder b = new StringBuilder("\"");
        for (int i = rnd.nextInt(4); i > 0; i--) {
          b.append(pick(rnd, STRING_PARTS));
        }
        return b.append('"').toString();
      }
      case 2, 3 -> {
        return pick(rnd, NUMBERS);
      }
      case 4 -> {
        return rnd.nextBoolean() ? "true" : "false";
      }
      case 5 -> {
        return "null";
      }
      case 6 -> {
        return "[]";
      }
      case 7 -> {
        StringBuilder b = new StringBuilder("[").append(pick(rnd, SPACE));
        for (int i = rnd.nextInt(4); i >= 0; i--) {
          b.append(value(rnd, depth + 1)).append(i > 0 ? "," + pick(rnd, SPACE) : "");
        }
        return b.append(']').toString();
      }
      default -> {
        return object(rnd, depth);
      }
    }
  }
}

package dev.flow.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A record flowing between stages: a JSON object payload plus metadata (the run id, the trigger
 * time, the event time, source metadata such as a Kafka key, and optionally the original bytes).
 *
 * <p>The payload can stay as the raw JSON bytes it arrived in: it is parsed only when a stage reads
 * or writes a field, and written back as the same bytes when nobody changed it. Stages work through
 * {@link FieldPath}s and {@link JsonNode} values and never depend on how the payload is held.
 *
 * <p>Records are mutable for speed. A stage may change the record it receives; the translator gives
 * every branch of a fan-out its own copy.
 */
public final class FlowRecord {

  /** Marks an event time that was never set. */
  public static final long NO_TIME = Long.MIN_VALUE;

  private String runId;
  private long triggerTime;
  private long eventTime = NO_TIME;
  private ObjectNode meta;
  private byte[] original;

  /** The payload as raw UTF-8 JSON bytes, or null once it has been parsed and changed. */
  private byte[] raw;

  /** The parsed payload, or null while only {@link #raw} is held. */
  private ObjectNode tree;

  private FlowRecord() {}

  /**
   * A record whose payload is these JSON bytes. The bytes must not be changed afterwards. Only the
   * top-level shape is checked here; see {@link #parseJson(byte[])} for a checked parse.
   */
  public static FlowRecord ofJsonBytes(byte[] utf8) {
    FlowRecord r = new FlowRecord();
    r.raw = utf8;
    return r;
  }

  /**
   * A record from JSON bytes that must hold one JSON object. Throws {@link InvalidRecordException}
   * with a message saying what is wrong otherwise.
   */
  public static FlowRecord parseJson(byte[] utf8) {
    FlowRecord r = new FlowRecord();
    r.tree = parseObject(utf8);
    r.raw = utf8;
    return r;
  }

  /** A record holding this object, which the record now owns. */
  public static FlowRecord of(ObjectNode payload) {
    FlowRecord r = new FlowRecord();
    r.tree = payload;
    return r;
  }

  /** An empty object record. */
  public static FlowRecord empty() {
    return of(Json.NODES.objectNode());
  }

  // ---------------------------------------------------------------- metadata

  public String runId() {
    return runId;
  }

  public FlowRecord runId(String id) {
    this.runId = id;
    return this;
  }

  /** Epoch milliseconds at which the trigger created this record's run. */
  public long triggerTime() {
    return triggerTime;
  }

  public FlowRecord triggerTime(long millis) {
    this.triggerTime = millis;
    return this;
  }

  /** Epoch milliseconds of the event, or {@link #NO_TIME}. */
  public long eventTime() {
    return eventTime;
  }

  public FlowRecord eventTime(long millis) {
    this.eventTime = millis;
    return this;
  }

  /** Source metadata (Kafka key, topic, partition, offset, headers, ...), or null when none. */
  public ObjectNode meta() {
    return meta;
  }

  /** The source metadata, created empty when absent. */
  public ObjectNode metaForWrite() {
    if (meta == null) {
      meta = Json.NODES.objectNode();
    }
    return meta;
  }

  public FlowRecord meta(ObjectNode m) {
    this.meta = m;
    return this;
  }

  /** The bytes the trigger produced this record from, kept for the ORIGINAL_RECORD policy. */
  public byte[] original() {
    return original;
  }

  public FlowRecord original(byte[] bytes) {
    this.original = bytes;
    return this;
  }

  /**
   * Checks that the payload is one JSON object, parsing it if it is still raw bytes. Throws {@link
   * InvalidRecordException} with a short message otherwise. Cheap when already checked.
   */
  public void validate() {
    tree();
  }

  /** True while the payload is held only as bytes that have not been checked or parsed. */
  public boolean isUnparsed() {
    return tree == null;
  }

  // ---------------------------------------------------------------- payload access

  /** The value at {@code path}, or {@code null} when absent. */
  public JsonNode get(FieldPath path) {
    JsonNode cur = tree();
    for (int i = 0; i < path.length(); i++) {
      if (cur == null || !cur.isObject()) {
        return null;
      }
      cur = cur.get(path.segment(i));
    }
    return cur;
  }

  /** The top-level field {@code name}, or {@code null}. */
  public JsonNode get(String name) {
    return tree().get(name);
  }

  public boolean has(FieldPath path) {
    return get(path) != null;
  }

  /** Sets the value at {@code path}, creating intermediate objects as needed. */
  public void set(FieldPath path, JsonNode value) {
    ObjectNode parent = parentForWrite(path);
    parent.set(path.leaf(), value == null ? Json.NODES.nullNode() : value);
  }

  /** Removes the value at {@code path} and returns it, or {@code null} when absent. */
  public JsonNode remove(FieldPath path) {
    JsonNode cur = tree();
    for (int i = 0; i < path.length() - 1; i++) {
      cur = cur.get(path.segment(i));
      if (cur == null || !cur.isObject()) {
        return null;
      }
    }
    changed();
    return ((ObjectNode) cur).remove(path.leaf());
  }

  /** Moves the value at {@code from} to {@code to}; does nothing when {@code from} is absent. */
  public boolean rename(FieldPath from, FieldPath to) {
    JsonNode v = remove(from);
    if (v == null) {
      return false;
    }
    set(to, v);
    return true;
  }

  /** The names of the top-level fields, in order. */
  public Iterator<String> fieldNames() {
    return tree().fieldNames();
  }

  /** The payload as a tree the caller may read; changes to it must go through the record. */
  public ObjectNode asObjectNode() {
    return tree();
  }

  /** The payload as a tree the caller may change freely. */
  public ObjectNode asObjectNodeForWrite() {
    ObjectNode t = tree();
    changed();
    return t;
  }

  /** Replaces the whole payload. */
  public void setPayload(ObjectNode payload) {
    this.tree = payload;
    this.raw = null;
  }

  // ---------------------------------------------------------------- bytes

  /** The payload as UTF-8 JSON bytes; the same array the record came from if nothing changed. */
  public byte[] toJsonBytes() {
    if (raw == null) {
      try {
        raw = Json.MAPPER.writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return raw;
  }

  /** Writes the payload as a JSON value to the generator. */
  public void writePayload(JsonGenerator gen) throws IOException {
    if (tree != null) {
      Json.MAPPER.writeTree(gen, tree);
    } else {
      gen.writeRawValue(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The payload as a JSON string. */
  public String toJson() {
    return new String(toJsonBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A record that shares nothing mutable with this one. */
  public FlowRecord copy() {
    FlowRecord r = new FlowRecord();
    r.runId = runId;
    r.triggerTime = triggerTime;
    r.eventTime = eventTime;
    r.meta = meta == null ? null : meta.deepCopy();
    r.original = original;
    if (raw != null) {
      r.raw = raw; // immutable
    } else {
      r.tree = tree.deepCopy();
    }
    return r;
  }

  /** A new record carrying this record's metadata and the given payload. */
  public FlowRecord withPayload(ObjectNode payload) {
    FlowRecord r = of(payload);
    r.runId = runId;
    r.triggerTime = triggerTime;
    r.eventTime = eventTime;
    r.meta = meta == null ? null : meta.deepCopy();
    r.original = original;
    return r;
  }

  // ---------------------------------------------------------------- internals

  private ObjectNode tree() {
    if (tree == null) {
      tree = parseObject(raw);
    }
    return tree;
  }

  private void changed() {
    raw = null;
  }

  private ObjectNode parentForWrite(FieldPath path) {
    ObjectNode cur = tree();
    changed();
    for (int i = 0; i < path.length() - 1; i++) {
      JsonNode next = cur.get(path.segment(i));
      if (next == null || !next.isObject()) {
        next = cur.putObject(path.segment(i));
      }
      cur = (ObjectNode) next;
    }
    return cur;
  }

  static ObjectNode parseObject(byte[] utf8) {
    try (JsonParser p = Json.MAPPER.createParser(utf8)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new InvalidRecordException("empty input where a JSON object was expected");
      }
      if (t != JsonToken.START_OBJECT) {
        throw new InvalidRecordException(
            "expected a JSON object but found " + describe(t) + " at offset 0");
      }
      ObjectNode node = Json.MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new InvalidRecordException(
            "trailing content after the JSON object at offset "
                + p.currentTokenLocation().getByteOffset());
      }
      return node;
    } catch (InvalidRecordException e) {
      throw e;
    } catch (IOException e) {
      String msg = e.getMessage();
      int cut = msg == null ? -1 : msg.indexOf("\n at [Source");
      throw new InvalidRecordException(
          "not valid JSON: " + (cut > 0 ? msg.substring(0, cut) : msg), e);
    }
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("FlowRecord{run=").append(runId).append(", payload=");
    b.append(toJson());
    if (meta != null && !meta.isEmpty()) {
      b.append(", meta=").append(meta);
    }
    return b.append('}').toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FlowRecord r)) {
      return false;
    }
    return java.util.Objects.equals(runId, r.runId)
        && triggerTime == r.triggerTime
        && eventTime == r.eventTime
        && java.util.Objects.equals(meta, r.meta)
        && tree().equals(r.tree());
  }

  @Override
  public int hashCode() {
    return tree().hashCode();
  }

  /** Builds a metadata mapping from simple values. */
  public static ObjectNode metaOf(Map<String, ?> values) {
    return Json.MAPPER.valueToTree(values);
  }
}

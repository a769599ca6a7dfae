package dev.flow.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record flowing between stages: a JSON object payload plus metadata (the run id, the trigger
 * time, the event time, source metadata such as a Kafka key, and optionally the original bytes).
 *
 * <p>The payload stays as the raw JSON bytes it arrived in. On first access its top-level fields
 * are indexed (name and byte range of each value) without decoding any value; {@link #get} decodes
 * only the value asked for, and nested objects are indexed the same way when a path goes through
 * them. {@link #set}, {@link #remove} and {@link #rename} are kept as edits beside the bytes, and
 * {@link #toJsonBytes} copies every untouched field verbatim, writing only changed ones. Stages
 * work through {@link FieldPath}s and {@link JsonNode} values and never depend on how the payload
 * is held.
 *
 * <p>Field order follows Jackson's {@link ObjectNode}: original fields keep their order, a replaced
 * field keeps its place, new fields are appended, and a renamed field moves to the end (it is
 * removed, then set). A repeated name in the input keeps its first place and its last value.
 *
 * <p>Values returned by {@link #get} are for reading: change the payload through the record. A
 * value given to {@link #set} belongs to the record afterwards.
 *
 * <p>Records are mutable for speed. A stage may change the record it receives; the translator gives
 * every branch of a fan-out its own {@link #copy()}, which shares only the immutable bytes.
 */
public final class FlowRecord {

  /** Marks an event time that was never set. */
  public static final long NO_TIME = Long.MIN_VALUE;

  private String runId;
  private long triggerTime;
  private long eventTime = NO_TIME;
  private ObjectNode meta;
  private byte[] original;

  /**
   * The payload's bytes: those it came from while held lazily (never changed, shared by copies),
   * or, once held as a tree, the tree's serialization while it is unchanged (else null).
   */
  private byte[] raw;

  /** The lazily held payload; null until first indexed, and while held as a tree. */
  private LazyObject lazy;

  /** The payload as a tree, for records built from one or turned into one; else null. */
  private ObjectNode tree;

  private FlowRecord() {}

  /**
   * A record whose payload is these JSON bytes. The bytes must not be changed afterwards. Nothing
   * is checked here: the payload is indexed on first access, and malformed input then throws {@link
   * InvalidRecordException}. A value is checked only as far as decoding it needs (a string with bad
   * UTF-8 decodes with replacement characters). See {@link #parseJson(byte[])} for a checked parse.
   */
  public static FlowRecord ofJsonBytes(byte[] utf8) {
    FlowRecord r = new FlowRecord();
    r.raw = utf8;
    return r;
  }

  /**
   * A record from JSON bytes that must hold one JSON object. The whole input is validated and the
   * top-level fields indexed, so stages do not scan it again. Throws {@link InvalidRecordException}
   * with a message saying what is wrong, and at which byte offset.
   */
  public static FlowRecord parseJson(byte[] utf8) {
    FlowRecord r = new FlowRecord();
    r.lazy = RecordParser.parseChecked(utf8);
    r.raw = r.lazy.buf;
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
    if (tree == null && lazy == null) {
      lazy = RecordParser.parseChecked(raw);
      raw = lazy.buf;
    }
  }

  /** True while the payload is held only as bytes that have not been checked or indexed. */
  public boolean isUnparsed() {
    return tree == null && lazy == null;
  }

  // ---------------------------------------------------------------- payload access

  /** The value at {@code path}, or {@code null} when absent. */
  public JsonNode get(FieldPath path) {
    if (tree != null) {
      return TreeOps.get(tree, path);
    }
    Object v = root().locate(path, 0);
    return v == null ? null : LazyTrees.toNode(v);
  }

  /** The top-level field {@code name}, or {@code null}. */
  public JsonNode get(String name) {
    if (tree != null) {
      return tree.get(name);
    }
    byte[] u = name.getBytes(StandardCharsets.UTF_8);
    Object v = root().field(name, u, ObjectIndex.hash(u, 0, u.length));
    return v == null ? null : LazyTrees.toNode(v);
  }

  /** True when {@code path} holds a value (JSON null included); decodes nothing. */
  public boolean has(FieldPath path) {
    return tree != null ? TreeOps.get(tree, path) != null : root().locate(path, 0) != null;
  }

  /** Sets the value at {@code path}, creating intermediate objects as needed. */
  public void set(FieldPath path, JsonNode value) {
    JsonNode v = value == null ? Json.NODES.nullNode() : value;
    if (tree != null) {
      raw = null;
      TreeOps.set(tree, path, v);
    } else {
      root().set(path, 0, v);
    }
  }

  /** Removes the value at {@code path} and returns it, or {@code null} when absent. */
  public JsonNode remove(FieldPath path) {
    if (tree != null) {
      raw = null;
      return TreeOps.remove(tree, path);
    }
    Object v = root().take(path, 0);
    return v == null ? null : LazyTrees.toNode(v);
  }

  /**
   * Removes the value at {@code path} without decoding it; returns whether there was one. Prefer
   * this to {@link #remove} when the value is not needed.
   */
  public boolean drop(FieldPath path) {
    if (tree != null) {
      raw = null;
      return TreeOps.remove(tree, path) != null;
    }
    return root().take(path, 0) != null;
  }

  /**
   * Moves the value at {@code from} to {@code to}; does nothing when {@code from} is absent. The
   * value is moved as it is held, without decoding it. Like a remove then a set, the field moves to
   * the end of its new parent unless {@code to} already exists there.
   */
  public boolean rename(FieldPath from, FieldPath to) {
    if (tree != null) {
      JsonNode v = remove(from);
      if (v == null) {
        return false;
      }
      set(to, v);
      return true;
    }
    LazyObject r = root();
    Object v = r.take(from, 0);
    if (v == null) {
      return false;
    }
    r.set(to, 0, v);
    return true;
  }

  /**
   * Moves the value at each {@code from.get(i)} to {@code to.get(i)} as one step: every value is
   * taken out first, then each is set, so renames may swap fields. Values are moved as they are
   * held, without decoding them; an absent source is skipped.
   */
  public void renameAll(List<FieldPath> from, List<FieldPath> to) {
    int n = from.size();
    Object[] values = new Object[n];
    if (tree != null) {
      raw = null;
      for (int i = 0; i < n; i++) {
        values[i] = TreeOps.remove(tree, from.get(i));
      }
      for (int i = 0; i < n; i++) {
        if (values[i] != null) {
          TreeOps.set(tree, to.get(i), (JsonNode) values[i]);
        }
      }
      return;
    }
    LazyObject r = root();
    for (int i = 0; i < n; i++) {
      values[i] = r.take(from.get(i), 0);
    }
    for (int i = 0; i < n; i++) {
      if (values[i] != null) {
        r.set(to.get(i), 0, values[i]);
      }
    }
  }

  /** The names of the top-level fields, in order. */
  public Iterator<String> fieldNames() {
    if (tree != null) {
      return tree.fieldNames();
    }
    List<String> names = new ArrayList<>();
    LazyTrees.fieldNames(root(), names);
    return Collections.unmodifiableList(names).iterator();
  }

  /**
   * The payload as a tree the caller may read; changes to it must go through the record. This
   * decodes every field, and the record then holds its payload as this tree.
   */
  public ObjectNode asObjectNode() {
    if (tree == null) {
      LazyObject r = root();
      tree = LazyTrees.toObjectNode(r);
      raw = r.isDirty() ? null : r.buf;
      lazy = null;
    }
    return tree;
  }

  /** The payload as a tree the caller may change freely. */
  public ObjectNode asObjectNodeForWrite() {
    ObjectNode t = asObjectNode();
    raw = null;
    return t;
  }

  /** Replaces the whole payload. */
  public void setPayload(ObjectNode payload) {
    this.tree = payload;
    this.raw = null;
    this.lazy = null;
  }

  // ---------------------------------------------------------------- bytes

  /**
   * The payload as UTF-8 JSON bytes; the same array the record came from if nothing changed.
   * Untouched fields are copied verbatim, so their spacing and escapes are kept.
   */
  public byte[] toJsonBytes() {
    if (tree != null) {
      if (raw == null) {
        try {
          raw = Json.MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return raw;
    }
    LazyObject r = lazy;
    if (r == null) {
      return raw;
    }
    if (!r.isDirty()) {
      return r.buf;
    }
    raw = PayloadWriter.write(r);
    lazy = null; // the written bytes are the payload now; they are indexed again when read
    return raw;
  }

  /** Writes the payload as a JSON value to the generator. */
  public void writePayload(JsonGenerator gen) throws IOException {
    if (tree != null) {
      Json.MAPPER.writeTree(gen, tree);
    } else {
      gen.writeRawValue(new String(toJsonBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The payload as a JSON string. */
  public String toJson() {
    return new String(toJsonBytes(), StandardCharsets.UTF_8);
  }

  /** A record that shares nothing mutable with this one; the payload's bytes are shared. */
  public FlowRecord copy() {
    FlowRecord r = new FlowRecord();
    r.runId = runId;
    r.triggerTime = triggerTime;
    r.eventTime = eventTime;
    r.meta = meta == null ? null : meta.deepCopy();
    r.original = original;
    r.raw = raw; // never changed
    if (tree != null) {
      r.tree = tree.deepCopy();
    } else if (lazy != null) {
      r.lazy = lazy.copy();
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

  private LazyObject root() {
    LazyObject r = lazy;
    if (r == null) {
      r = RecordParser.indexUnchecked(raw);
      lazy = r;
    }
    return r;
  }

  /** The payload as a tree, without changing how this record holds it. */
  private ObjectNode payloadTree() {
    return tree != null ? tree : LazyTrees.toObjectNode(root());
  }

  /** The bytes when the payload is held unchanged as bytes, else null. */
  private byte[] cleanBytes() {
    if (tree != null) {
      return null;
    }
    return lazy == null ? raw : lazy.isDirty() ? null : lazy.buf;
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
    if (!(Objects.equals(runId, r.runId)
        && triggerTime == r.triggerTime
        && eventTime == r.eventTime
        && Objects.equals(meta, r.meta))) {
      return false;
    }
    byte[] mine = cleanBytes();
    if (mine != null && mine == r.cleanBytes()) {
      return true;
    }
    return payloadTree().equals(r.payloadTree());
  }

  @Override
  public int hashCode() {
    return payloadTree().hashCode();
  }

  /** Builds a metadata mapping from simple values. */
  public static ObjectNode metaOf(Map<String, ?> values) {
    return Json.MAPPER.valueToTree(values);
  }
}

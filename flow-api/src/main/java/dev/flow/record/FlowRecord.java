package dev.flow.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * <p>The record holds the metadata; the payload is a {@link Payload}, either the bytes ({@link
 * LazyPayload}) or, for records built from a tree or asked for one, a tree ({@link TreePayload}).
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

  /** Where the run id comes from while it is not built yet, else null. */
  private Origin idOrigin;

  /**
   * The generator of the run id, numbered {@link #idNumber}, while it is not built yet, else null.
   */
  private RunIdSource idSource;

  private long idNumber;

  /** Where the metadata comes from while it is not built yet, else null. */
  private Origin metaOrigin;

  /** The payload: lazily held bytes or a tree. */
  private Payload payload;

  private FlowRecord() {}

  /**
   * A record whose payload is these JSON bytes. The bytes must not be changed afterwards. Nothing
   * is checked here: the payload is indexed on first access, and malformed input then throws {@link
   * InvalidRecordException}. A value is checked only as far as decoding it needs (a string with bad
   * UTF-8 decodes with replacement characters). See {@link #parseJson(byte[])} for a checked parse.
   */
  public static FlowRecord ofJsonBytes(byte[] utf8) {
    FlowRecord r = new FlowRecord();
    r.payload = new LazyPayload(utf8, null);
    return r;
  }

  /**
   * A record from JSON bytes that must hold one JSON object. The whole input is validated and the
   * top-level fields indexed, so stages do not scan it again. Throws {@link InvalidRecordException}
   * with a message saying what is wrong, and at which byte offset.
   */
  public static FlowRecord parseJson(byte[] utf8) {
    FlowRecord r = new FlowRecord();
    r.payload = LazyPayload.parsed(utf8);
    return r;
  }

  /** A record holding this object, which the record now owns. */
  public static FlowRecord of(ObjectNode payload) {
    FlowRecord r = new FlowRecord();
    r.payload = new TreePayload(payload, null);
    return r;
  }

  /** An empty object record. */
  public static FlowRecord empty() {
    return of(Json.NODES.objectNode());
  }

  // ---------------------------------------------------------------- metadata

  /**
   * The run id and source metadata of a record, as its trigger can give them without building them:
   * the record asks for each the first time something reads it, and most records are never asked.
   * Both must depend only on what the trigger read, so that asking later gives what asking at once
   * would have.
   */
  public interface Origin {
    /** The run id. */
    String runId();

    /** The source metadata, a new object on every call (the record owns and may change it). */
    ObjectNode meta();
  }

  /**
   * A generator of run ids that can tell the text of its id number {@code n} at any later time, so
   * that a record holds only the number until its id is read.
   */
  public interface RunIdSource {
    /** The run id numbered {@code n}; the same text every time it is asked. */
    String runId(long n);
  }

  /**
   * Gives the record its run id and metadata from {@code origin}, built on first read; replaces any
   * run id and metadata it had.
   */
  public FlowRecord origin(Origin origin) {
    this.runId = null;
    this.meta = null;
    this.idOrigin = origin;
    this.idSource = null;
    this.metaOrigin = origin;
    return this;
  }

  /** True when the record has a run id, built or still to be built from its origin. */
  public boolean hasRunId() {
    return runId != null || idOrigin != null || idSource != null;
  }

  public String runId() {
    if (idOrigin != null) {
      runId = idOrigin.runId();
      idOrigin = null;
    } else if (idSource != null) {
      runId = idSource.runId(idNumber);
      idSource = null;
    }
    return runId;
  }

  public FlowRecord runId(String id) {
    this.runId = id;
    this.idOrigin = null;
    this.idSource = null;
    return this;
  }

  /**
   * Gives the record the run id numbered {@code n} of {@code source}, whose text is built the first
   * time it is read; replaces any run id it had.
   */
  public FlowRecord runId(RunIdSource source, long n) {
    this.runId = null;
    this.idOrigin = null;
    this.idSource = source;
    this.idNumber = n;
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
    if (metaOrigin != null) {
      meta = metaOrigin.meta();
      metaOrigin = null;
    }
    return meta;
  }

  /**
   * The metadata as far as it is built: null while the trigger's part is still only an {@link
   * Origin}. For a reader looking for an entry that stages put there (through {@link
   * #metaForWrite}), which an origin never holds, without building the trigger's part.
   */
  public ObjectNode builtMeta() {
    return meta;
  }

  /** The source metadata, created empty when absent. */
  public ObjectNode metaForWrite() {
    if (meta() == null) {
      meta = Json.NODES.objectNode();
    }
    return meta;
  }

  public FlowRecord meta(ObjectNode m) {
    this.meta = m;
    this.metaOrigin = null;
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
    if (payload instanceof LazyPayload l) {
      l.validate();
    }
  }

  /** True while the payload is held only as bytes that have not been checked or indexed. */
  public boolean isUnparsed() {
    return payload instanceof LazyPayload l && l.isUnparsed();
  }

  // ---------------------------------------------------------------- payload access

  /** The value at {@code path}, or {@code null} when absent. */
  public JsonNode get(FieldPath path) {
    return payload.get(path);
  }

  /** The top-level field {@code name}, or {@code null}. */
  public JsonNode get(String name) {
    return payload.get(name);
  }

  /** True when {@code path} holds a value (JSON null included); decodes nothing. */
  public boolean has(FieldPath path) {
    return payload.has(path);
  }

  /** Sets the value at {@code path}, creating intermediate objects as needed. */
  public void set(FieldPath path, JsonNode value) {
    payload.set(path, value == null ? Json.NODES.nullNode() : value);
  }

  /** Removes the value at {@code path} and returns it, or {@code null} when absent. */
  public JsonNode remove(FieldPath path) {
    return payload.remove(path);
  }

  /**
   * Removes the value at {@code path} without decoding it; returns whether there was one. Prefer
   * this to {@link #remove} when the value is not needed.
   */
  public boolean drop(FieldPath path) {
    return payload.drop(path);
  }

  /**
   * Moves the value at {@code from} to {@code to}; does nothing when {@code from} is absent. The
   * value is moved as it is held, without decoding it. Like a remove then a set, the field moves to
   * the end of its new parent unless {@code to} already exists there.
   */
  public boolean rename(FieldPath from, FieldPath to) {
    return payload.rename(from, to);
  }

  /**
   * Moves the value at each {@code from.get(i)} to {@code to.get(i)} as one step: every value is
   * taken out first, then each is set, so renames may swap fields. Values are moved as they are
   * held, without decoding them; an absent source is skipped.
   */
  public void renameAll(List<FieldPath> from, List<FieldPath> to) {
    payload.renameAll(from, to);
  }

  /** The names of the top-level fields, in order. */
  public Iterator<String> fieldNames() {
    return payload.fieldNames();
  }

  /**
   * The payload as a tree the caller may read; changes to it must go through the record. This
   * decodes every field, and the record then holds its payload as this tree.
   */
  public ObjectNode asObjectNode() {
    return treePayload().tree;
  }

  /** The payload as a tree the caller may change freely. */
  public ObjectNode asObjectNodeForWrite() {
    TreePayload t = treePayload();
    t.bytes = null;
    return t.tree;
  }

  /** Replaces the whole payload. */
  public void setPayload(ObjectNode payload) {
    this.payload = new TreePayload(payload, null);
  }

  private TreePayload treePayload() {
    if (payload instanceof TreePayload t) {
      return t;
    }
    TreePayload t = ((LazyPayload) payload).toTreePayload();
    payload = t;
    return t;
  }

  // ---------------------------------------------------------------- bytes

  /**
   * The payload as UTF-8 JSON bytes; the same array the record came from if nothing changed.
   * Untouched fields are copied verbatim, so their spacing and escapes are kept.
   */
  public byte[] toJsonBytes() {
    return payload.toJsonBytes();
  }

  /** Writes the payload as a JSON value to the generator. */
  public void writePayload(JsonGenerator gen) throws IOException {
    if (payload instanceof TreePayload t) {
      Json.MAPPER.writeTree(gen, t.tree);
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
    copyMetadataTo(r);
    r.payload = payload.copy(); // shares only the bytes, which never change
    return r;
  }

  /**
   * The record as it is now, kept so that {@link #restore} can bring it back after a stage changed
   * it. Cheap for a payload still held as its unchanged bytes, which are never changed and so are
   * kept as they are; a payload that was changed or is a tree is copied, as is the source metadata.
   */
  public Snapshot snapshot() {
    byte[] clean = payload.cleanBytes();
    return new Snapshot(
        runId,
        idOrigin,
        idSource,
        idNumber,
        triggerTime,
        eventTime,
        meta == null ? null : meta.deepCopy(),
        original,
        clean,
        clean != null ? payload : payload.copy());
  }

  /**
   * Brings this record back to {@code s}, a snapshot of it; a snapshot can be restored more than
   * once.
   */
  public void restore(Snapshot s) {
    runId = s.runId;
    idOrigin = s.idOrigin;
    idSource = s.idSource;
    idNumber = s.idNumber;
    triggerTime = s.triggerTime;
    eventTime = s.eventTime;
    meta = s.meta == null ? null : s.meta.deepCopy();
    original = s.original;
    if (s.bytes == null) {
      payload = s.payload.copy();
    } else if (payload != s.payload || payload.cleanBytes() != s.bytes) {
      payload = new LazyPayload(s.bytes, null); // indexed again on first access
    } // else the payload is the one snapshotted, and still its unchanged bytes: kept, index and all
  }

  /** A record's contents at one moment, for {@link #restore}; holds nothing that can change. */
  public static final class Snapshot {
    private final String runId;
    private final Origin idOrigin;
    private final RunIdSource idSource;
    private final long idNumber;
    private final long triggerTime;
    private final long eventTime;
    private final ObjectNode meta;
    private final byte[] original;
    private final byte[] bytes;
    private final Payload payload;

    private Snapshot(
        String runId,
        Origin idOrigin,
        RunIdSource idSource,
        long idNumber,
        long triggerTime,
        long eventTime,
        ObjectNode meta,
        byte[] original,
        byte[] bytes,
        Payload payload) {
      this.runId = runId;
      this.idOrigin = idOrigin;
      this.idSource = idSource;
      this.idNumber = idNumber;
      this.triggerTime = triggerTime;
      this.eventTime = eventTime;
      this.meta = meta;
      this.original = original;
      this.bytes = bytes;
      this.payload = payload;
    }
  }

  /** A new record carrying this record's metadata and the given payload. */
  public FlowRecord withPayload(ObjectNode payload) {
    FlowRecord r = of(payload);
    copyMetadataTo(r);
    return r;
  }

  /**
   * Gives {@code r} this record's metadata; an origin not built yet is shared, as it is immutable.
   */
  private void copyMetadataTo(FlowRecord r) {
    r.runId = runId;
    r.idOrigin = idOrigin;
    r.idSource = idSource;
    r.idNumber = idNumber;
    r.triggerTime = triggerTime;
    r.eventTime = eventTime;
    r.meta = meta == null ? null : meta.deepCopy();
    r.metaOrigin = metaOrigin;
    r.original = original;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("FlowRecord{run=").append(runId()).append(", payload=");
    b.append(toJson());
    ObjectNode m = meta();
    if (m != null && !m.isEmpty()) {
      b.append(", meta=").append(m);
    }
    return b.append('}').toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FlowRecord r)) {
      return false;
    }
    if (!(Objects.equals(runId(), r.runId())
        && triggerTime == r.triggerTime
        && eventTime == r.eventTime
        && Objects.equals(meta(), r.meta()))) {
      return false;
    }
    byte[] mine = payload.cleanBytes();
    if (mine != null && mine == r.payload.cleanBytes()) {
      return true;
    }
    return payload.tree().equals(r.payload.tree());
  }

  @Override
  public int hashCode() {
    return payload.tree().hashCode();
  }

  /** Builds a metadata mapping from simple values. */
  public static ObjectNode metaOf(Map<String, ?> values) {
    return Json.MAPPER.valueToTree(values);
  }
}

package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A payload held as the raw JSON bytes it came in. On first access the top-level fields are indexed
 * into a {@link LazyObject}, which keeps edits beside the bytes; values are decoded only when read,
 * and {@link #toJsonBytes} copies untouched fields verbatim.
 */
final class LazyPayload implements Payload {

  /**
   * The bytes the payload came from (never changed, shared by copies), or those it was last written
   * to.
   */
  private byte[] raw;

  /** The indexed payload with its edits; null until first indexed. */
  private LazyObject lazy;

  LazyPayload(byte[] raw, LazyObject lazy) {
    this.raw = raw;
    this.lazy = lazy;
  }

  /** A payload checked and indexed now, from bytes that must hold one JSON object. */
  static LazyPayload parsed(byte[] utf8) {
    LazyObject o = RecordParser.parseChecked(utf8);
    return new LazyPayload(o.buf, o);
  }

  /** True while the bytes have been neither checked nor indexed. */
  boolean isUnparsed() {
    return lazy == null;
  }

  /** Checks that the bytes hold one JSON object and indexes them, unless already done. */
  void validate() {
    if (lazy == null) {
      lazy = RecordParser.parseChecked(raw);
      raw = lazy.buf;
    }
  }

  /** The payload as a tree payload, decoding every field; keeps the bytes when unchanged. */
  TreePayload toTreePayload() {
    LazyObject r = root();
    return new TreePayload(LazyTrees.toObjectNode(r), r.isDirty() ? null : r.buf);
  }

  private LazyObject root() {
    LazyObject r = lazy;
    if (r == null) {
      r = RecordParser.indexUnchecked(raw);
      lazy = r;
    }
    return r;
  }

  @Override
  public JsonNode get(FieldPath path) {
    Object v = root().locate(path, 0);
    return v == null ? null : LazyTrees.toNode(v);
  }

  @Override
  public JsonNode get(String name) {
    byte[] u = name.getBytes(StandardCharsets.UTF_8);
    Object v = root().field(name, u, ObjectIndex.hash(u, 0, u.length));
    return v == null ? null : LazyTrees.toNode(v);
  }

  @Override
  public boolean has(FieldPath path) {
    return root().locate(path, 0) != null;
  }

  @Override
  public void set(FieldPath path, JsonNode value) {
    root().set(path, 0, value);
  }

  @Override
  public JsonNode remove(FieldPath path) {
    Object v = root().take(path, 0);
    return v == null ? null : LazyTrees.toNode(v);
  }

  @Override
  public boolean drop(FieldPath path) {
    return root().take(path, 0, false) != null;
  }

  @Override
  public boolean rename(FieldPath from, FieldPath to) {
    LazyObject r = root();
    Object v = r.take(from, 0);
    if (v == null) {
      return false;
    }
    r.set(to, 0, v);
    return true;
  }

  @Override
  public void renameAll(List<FieldPath> from, List<FieldPath> to) {
    int n = from.size();
    Object[] values = new Object[n];
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

  @Override
  public Iterator<String> fieldNames() {
    List<String> names = new ArrayList<>();
    LazyTrees.fieldNames(root(), names);
    return Collections.unmodifiableList(names).iterator();
  }

  @Override
  public ObjectNode tree() {
    return LazyTrees.toObjectNode(root());
  }

  @Override
  public byte[] toJsonBytes() {
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

  @Override
  public byte[] cleanBytes() {
    return lazy == null ? raw : lazy.isDirty() ? null : lazy.buf;
  }

  @Override
  public LazyPayload copy() {
    return new LazyPayload(raw, lazy == null ? null : lazy.copy());
  }
}

package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON object held as raw bytes plus an overlay of edits. Its fields are indexed on first access;
 * a value is decoded only when read, and the edits say which fields were replaced, removed or
 * appended. Nested objects reached by a path become lazy objects of their own.
 *
 * <p>Each field's value in the overlay is a {@link JsonNode} (set by a stage), a {@link LazyObject}
 * (an object still held as bytes), a {@link RawSlice} (any other value still held as bytes, moved
 * by a rename) or {@link #REMOVED}. Semantics follow Jackson's {@link ObjectNode}: replacing a
 * field keeps its position, a new field is appended, a removed field set again is appended.
 */
final class LazyObject {
  static final Object REMOVED = new Object();

  /** A non-object value still held as bytes. */
  record RawSlice(byte[] buf, int start, int end) {}

  final byte[] buf;
  final int start;
  final int end;
  private ObjectIndex index;

  /** Per original field: null while untouched, else its current value or {@link #REMOVED}. */
  Object[] over;

  /** Appended fields, in order. */
  String[] names;

  Object[] vals;
  int extra;

  /** True once this level was edited (nested edits are found through {@link #isDirty}). */
  private boolean edited;

  LazyObject(byte[] buf, ObjectIndex index) {
    this(buf, index.start, index.end);
    this.index = index;
  }

  LazyObject(byte[] buf, int start, int end) {
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  ObjectIndex idx() {
    ObjectIndex i = index;
    if (i == null) {
      i = JsonScanner.index(buf, start, end - start);
      if (i == null) {
        throw new InvalidRecordException("not valid JSON: a malformed object at offset " + start);
      }
      index = i;
    }
    return i;
  }

  boolean isDirty() {
    if (edited) {
      return true;
    }
    if (over != null) {
      for (Object v : over) {
        if (v instanceof LazyObject c && c.isDirty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when {@code c} is the untouched view of field {@code k}'s own bytes. */
  boolean isCleanView(Object v, int k) {
    return v instanceof LazyObject c
        && c.buf == buf
        && c.start == idx().valueStart(k)
        && !c.isDirty();
  }

  // ------------------------------------------------------------------ lookup

  private int live(byte[] u, int h) {
    int k = idx().find(buf, u, h);
    return k >= 0 && (over == null || over[k] != REMOVED) ? k : -1;
  }

  private int extraPos(String s) {
    for (int x = 0; x < extra; x++) {
      if (names[x].equals(s)) {
        return x;
      }
    }
    return -1;
  }

  private Object[] overs() {
    if (over == null) {
      over = new Object[idx().size()];
    }
    return over;
  }

  /** The bytes of untouched field {@code k} as a value object. */
  private Object raw(int k) {
    ObjectIndex ix = idx();
    int vs = ix.valueStart(k);
    int ve = ix.valueEnd(k);
    return buf[vs] == '{' ? new LazyObject(buf, vs, ve) : new RawSlice(buf, vs, ve);
  }

  /** The current value of field {@code k}, made a lazy object when it is one; never null. */
  private Object current(int k) {
    Object v = over == null ? null : over[k];
    if (v == null) {
      v = raw(k);
      if (v instanceof LazyObject) {
        overs()[k] = v; // a clean view, kept so nested reads and edits reuse its index
      }
    }
    return v;
  }

  /** The current value of the field named by segment {@code i} of {@code p}, or null. */
  private Object find(FieldPath p, int i) {
    return field(p.segment(i), p.utf8(i), p.hash(i));
  }

  /** The current value of top-level field {@code s} (UTF-8 {@code u}, hash {@code h}), or null. */
  Object field(String s, byte[] u, int h) {
    int k = live(u, h);
    if (k >= 0) {
      return current(k);
    }
    int x = extraPos(s);
    return x < 0 ? null : vals[x];
  }

  // ------------------------------------------------------------------ operations

  /**
   * The value at {@code p} from segment {@code i} on, undecoded where possible (a JsonNode, a
   * LazyObject or a RawSlice), or null.
   */
  Object locate(FieldPath p, int i) {
    LazyObject cur = this;
    for (; ; i++) {
      Object v = cur.find(p, i);
      if (v == null || i == p.length() - 1) {
        return v;
      }
      if (v instanceof LazyObject c) {
        cur = c;
      } else if (v instanceof JsonNode n) {
        for (int j = i + 1; j < p.length(); j++) {
          if (n == null || !n.isObject()) {
            return null;
          }
          n = n.get(p.segment(j));
        }
        return n;
      } else {
        return null; // a non-object value still held as bytes
      }
    }
  }

  /** Sets {@code p} (from segment {@code i}) to {@code value}, creating objects on the way. */
  void set(FieldPath p, int i, Object value) {
    LazyObject cur = this;
    for (; i < p.length() - 1; i++) {
      Object v = cur.find(p, i);
      if (v instanceof LazyObject c) {
        cur = c;
        continue;
      }
      ObjectNode o;
      if (v instanceof ObjectNode n) {
        o = n;
      } else {
        o = Json.NODES.objectNode();
        cur.put(p.segment(i), p.utf8(i), p.hash(i), o);
      }
      for (int j = i + 1; j < p.length() - 1; j++) {
        JsonNode next = o.get(p.segment(j));
        o = next != null && next.isObject() ? (ObjectNode) next : o.putObject(p.segment(j));
      }
      o.set(p.leaf(), LazyTrees.toNode(value));
      return;
    }
    cur.put(p.segment(i), p.utf8(i), p.hash(i), value);
  }

  /** Sets top-level field {@code s} (UTF-8 {@code u}, hash {@code h}) to {@code value}. */
  void put(String s, byte[] u, int h, Object value) {
    edited = true;
    int k = live(u, h);
    if (k >= 0) {
      overs()[k] = value;
      return;
    }
    int x = extraPos(s);
    if (x >= 0) {
      vals[x] = value;
      return;
    }
    if (names == null) {
      names = new String[4];
      vals = new Object[4];
    } else if (extra == names.length) {
      names = java.util.Arrays.copyOf(names, extra * 2);
      vals = java.util.Arrays.copyOf(vals, extra * 2);
    }
    names[extra] = s;
    vals[extra++] = value;
  }

  /** Removes the value at {@code p} and returns it still undecoded where possible, or null. */
  Object take(FieldPath p, int i) {
    return take(p, i, true);
  }

  /**
   * Removes the value at {@code p}; returns it, still undecoded where possible, when {@code
   * wantValue}, else {@link #REMOVED} for a field that was there (so no value object is made); null
   * when there was none.
   */
  Object take(FieldPath p, int i, boolean wantValue) {
    LazyObject cur = this;
    for (; i < p.length() - 1; i++) {
      Object v = cur.find(p, i);
      if (v instanceof LazyObject c) {
        cur = c;
      } else if (v instanceof ObjectNode n) {
        JsonNode o = n;
        for (int j = i + 1; j < p.length() - 1; j++) {
          o = o.get(p.segment(j));
          if (o == null || !o.isObject()) {
            return null;
          }
        }
        return ((ObjectNode) o).remove(p.leaf());
      } else {
        return null;
      }
    }
    return cur.takeField(p.segment(i), p.utf8(i), p.hash(i), wantValue);
  }

  private Object takeField(String s, byte[] u, int h, boolean wantValue) {
    int k = live(u, h);
    if (k >= 0) {
      Object v = over == null ? null : over[k];
      if (v == null) {
        v = wantValue ? raw(k) : REMOVED;
      }
      overs()[k] = REMOVED;
      edited = true;
      return v;
    }
    int x = extraPos(s);
    if (x < 0) {
      return null;
    }
    Object v = vals[x];
    System.arraycopy(names, x + 1, names, x, extra - x - 1);
    System.arraycopy(vals, x + 1, vals, x, extra - x - 1);
    names[--extra] = null;
    vals[extra] = null;
    edited = true;
    return v;
  }

  // ------------------------------------------------------------------ whole object

  /** A copy that shares the immutable bytes and index, and nothing mutable. */
  LazyObject copy() {
    LazyObject c = new LazyObject(buf, start, end);
    c.index = index;
    c.edited = edited;
    if (over != null) {
      c.over = new Object[over.length];
      for (int k = 0; k < over.length; k++) {
        c.over[k] = copyValue(over[k]);
      }
    }
    if (names != null) {
      c.names = names.clone();
      c.vals = new Object[vals.length];
      c.extra = extra;
      for (int x = 0; x < extra; x++) {
        c.vals[x] = copyValue(vals[x]);
      }
    }
    return c;
  }

  private static Object copyValue(Object v) {
    if (v instanceof JsonNode n) {
      return n.deepCopy();
    }
    if (v instanceof LazyObject o) {
      return o.copy();
    }
    return v; // null, REMOVED or an immutable RawSlice
  }
}

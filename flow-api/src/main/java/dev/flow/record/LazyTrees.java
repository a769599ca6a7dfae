package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Reads a {@link LazyObject} and its values as Jackson trees, decoding what is still bytes. */
final class LazyTrees {
  private LazyTrees() {}

  /** A lazily held value as a tree: a JsonNode as it is, anything else decoded. */
  static JsonNode toNode(Object v) {
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof LazyObject c) {
      return toObjectNode(c);
    }
    LazyObject.RawSlice r = (LazyObject.RawSlice) v;
    return JsonValues.parse(r.buf(), r.start(), r.end());
  }

  /** A full tree of the current content. */
  static ObjectNode toObjectNode(LazyObject lo) {
    ObjectNode o = Json.NODES.objectNode();
    ObjectIndex ix = lo.idx();
    for (int k = 0; k < ix.size(); k++) {
      Object v = lo.over == null ? null : lo.over[k];
      if (v == LazyObject.REMOVED) {
        continue;
      }
      o.set(
          ix.name(lo.buf, k),
          v == null ? JsonValues.parse(lo.buf, ix.valueStart(k), ix.valueEnd(k)) : toNode(v));
    }
    for (int x = 0; x < lo.extra; x++) {
      o.set(lo.names[x], toNode(lo.vals[x]));
    }
    return o;
  }

  /** Adds the current field names, in order, to {@code out}. */
  static void fieldNames(LazyObject lo, List<String> out) {
    ObjectIndex ix = lo.idx();
    for (int k = 0; k < ix.size(); k++) {
      if (lo.over == null || lo.over[k] != LazyObject.REMOVED) {
        out.add(ix.name(lo.buf, k));
      }
    }
    for (int x = 0; x < lo.extra; x++) {
      out.add(lo.names[x]);
    }
  }
}

package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;

/**
 * How a {@link FlowRecord} holds its JSON object payload: as the bytes it arrived in, indexed on
 * first access ({@link LazyPayload}), or as a Jackson tree ({@link TreePayload}). Every field
 * operation of the record is one call here, answered by the form the payload is in; the record
 * itself holds only the metadata and switches form where a caller asks for a tree.
 */
sealed interface Payload permits LazyPayload, TreePayload {

  /** The value at {@code path}, or null. */
  JsonNode get(FieldPath path);

  /** The top-level field {@code name}, or null. */
  JsonNode get(String name);

  /** True when {@code path} holds a value (JSON null included). */
  boolean has(FieldPath path);

  /** Sets the value at {@code path}, creating intermediate objects. */
  void set(FieldPath path, JsonNode value);

  /** Removes the value at {@code path} and returns it, or null. */
  JsonNode remove(FieldPath path);

  /** Removes the value at {@code path} without decoding it; true when there was one. */
  boolean drop(FieldPath path);

  /** Moves the value at {@code from} to {@code to}; false when {@code from} is absent. */
  boolean rename(FieldPath from, FieldPath to);

  /** Takes every source out, then sets every target; absent sources are skipped. */
  void renameAll(List<FieldPath> from, List<FieldPath> to);

  /** The names of the top-level fields, in order. */
  Iterator<String> fieldNames();

  /** The payload as a tree, without changing how it is held (a lazy payload decodes a copy). */
  ObjectNode tree();

  /** The payload as UTF-8 JSON bytes. */
  byte[] toJsonBytes();

  /** The bytes when the payload is held unchanged as bytes, else null. */
  byte[] cleanBytes();

  /** A payload that shares nothing mutable with this one. */
  Payload copy();
}

package dev.flow.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/** A payload held as a Jackson tree, with its serialization kept while the tree is unchanged. */
final class TreePayload implements Payload {
  final ObjectNode tree;

  /** The tree's JSON bytes while it is unchanged (else null); made on first need. */
  byte[] bytes;

  TreePayload(ObjectNode tree, byte[] bytes) {
    this.tree = tree;
    this.bytes = bytes;
  }

  @Override
  public JsonNode get(FieldPath path) {
    return TreeOps.get(tree, path);
  }

  @Override
  public JsonNode get(String name) {
    return tree.get(name);
  }

  @Override
  public boolean has(FieldPath path) {
    return TreeOps.get(tree, path) != null;
  }

  @Override
  public void set(FieldPath path, JsonNode value) {
    bytes = null;
    TreeOps.set(tree, path, value);
  }

  @Override
  public JsonNode remove(FieldPath path) {
    bytes = null;
    return TreeOps.remove(tree, path);
  }

  @Override
  public boolean drop(FieldPath path) {
    bytes = null;
    return TreeOps.remove(tree, path) != null;
  }

  @Override
  public boolean rename(FieldPath from, FieldPath to) {
    JsonNode v = remove(from);
    if (v == null) {
      return false;
    }
    set(to, v);
    return true;
  }

  @Override
  public void renameAll(List<FieldPath> from, List<FieldPath> to) {
    bytes = null;
    int n = from.size();
    JsonNode[] values = new JsonNode[n];
    for (int i = 0; i < n; i++) {
      values[i] = TreeOps.remove(tree, from.get(i));
    }
    for (int i = 0; i < n; i++) {
      if (values[i] != null) {
        TreeOps.set(tree, to.get(i), values[i]);
      }
    }
  }

  @Override
  public Iterator<String> fieldNames() {
    return tree.fieldNames();
  }

  @Override
  public ObjectNode tree() {
    return tree;
  }

  @Override
  public byte[] toJsonBytes() {
    if (bytes == null) {
      try {
        bytes = Json.MAPPER.writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes;
  }

  @Override
  public byte[] cleanBytes() {
    return null;
  }

  @Override
  public TreePayload copy() {
    return new TreePayload(tree.deepCopy(), bytes); // the bytes are never changed
  }
}

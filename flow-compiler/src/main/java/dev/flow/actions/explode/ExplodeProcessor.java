package dev.flow.actions.explode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.RecordProcessor;
import org.apache.flink.util.Collector;

/**
 * Emits one record per element of an array field. A missing, null or empty array emits nothing (the
 * record counts as filtered); a value that is not an array is an error.
 */
final class ExplodeProcessor implements RecordProcessor {
  private static final long serialVersionUID = 1L;

  private final FieldPath field;
  private final FieldPath as;
  private final boolean keepParent;
  private final boolean flatten;
  private final FieldPath indexField;

  ExplodeProcessor(
      FieldPath field, FieldPath as, boolean keepParent, boolean flatten, FieldPath indexField) {
    this.field = field;
    this.as = as;
    this.keepParent = keepParent;
    this.flatten = flatten;
    this.indexField = indexField;
  }

  /** The processor of the options, whose paths the binder has parsed. */
  static ExplodeProcessor of(ExplodeOptions o) {
    FieldPath as = o.as() == null ? o.field() : o.as();
    return new ExplodeProcessor(o.field(), as, o.keepParent(), o.flatten(), o.indexField());
  }

  /** Computes on the record in memory only: no try could fail transiently. */
  @Override
  public boolean mayFailTransiently() {
    return false;
  }

  @Override
  public void process(FlowRecord record, Collector<FlowRecord> out) {
    JsonNode array = record.get(field);
    if (array == null || array.isNull()) {
      return;
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(
          "field '"
              + field
              + "' is "
              + array.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not an array");
    }
    if (array.isEmpty()) {
      return;
    }
    ObjectNode parent = null;
    if (keepParent) {
      parent = record.asObjectNode().deepCopy();
      FlowRecord.of(parent).remove(field);
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      ObjectNode payload = parent == null ? Json.NODES.objectNode() : parent.deepCopy();
      FlowRecord child = record.withPayload(payload);
      if (flatten && element.isObject()) {
        child.asObjectNodeForWrite().setAll((ObjectNode) element.deepCopy());
      } else {
        child.set(as, element.deepCopy());
      }
      if (indexField != null) {
        child.set(indexField, Json.NODES.numberNode(i));
      }
      out.collect(child);
    }
  }
}

package dev.flow.actions.reduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.actions.support.EventTimes;
import dev.flow.actions.support.RecordKeys;
import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.ErrorRecordFactory;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Computes, once per record, what the window needs: the key, the value of every aggregate and the
 * event time. Emits {@code {k: key, v: [values]}}; in event time also {@code r: record} with the
 * record's metadata, since a late record goes on as the original. A record whose key, values or
 * time cannot be computed goes to the error stage.
 */
final class PrepareFunction extends ProcessFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final Expression key;
  private final FieldPath keyField;
  private final List<AggregateSpec> specs;
  private final FieldPath timeField;
  private final ErrorRecordFactory errors;
  private final OutputTag<FlowRecord> errorTag;

  PrepareFunction(
      Expression key,
      FieldPath keyField,
      List<AggregateSpec> specs,
      FieldPath timeField,
      ErrorRecordFactory errors,
      OutputTag<FlowRecord> errorTag) {
    this.key = key;
    this.keyField = keyField;
    this.specs = specs;
    this.timeField = timeField;
    this.errors = errors;
    this.errorTag = errorTag;
  }

  @Override
  public void processElement(FlowRecord r, Context ctx, Collector<FlowRecord> out) {
    ObjectNode p = Json.NODES.objectNode();
    long time = FlowRecord.NO_TIME;
    try {
      p.put("k", keyOf(r));
      ArrayNode values = p.putArray("v");
      for (AggregateSpec s : specs) {
        JsonNode v = s.valueOf(r);
        Accumulators.check(s, v);
        values.add(v == null ? Json.NODES.nullNode() : v);
      }
      if (timeField != null) {
        time = EventTimes.parse(timeField.toString(), r.get(timeField));
      }
    } catch (RuntimeException e) {
      ctx.output(errorTag, errors.create(r, e));
      return;
    }
    FlowRecord prepared;
    if (timeField != null) {
      // A late record goes on as the original record, with its metadata.
      p.set("r", r.asObjectNode());
      prepared = r.withPayload(p);
      if (time != FlowRecord.NO_TIME) {
        prepared.eventTime(time);
      }
    } else {
      // Processing-time windows have no late records: only the key and values cross the exchange.
      prepared = FlowRecord.of(p);
    }
    out.collect(prepared);
  }

  private String keyOf(FlowRecord r) {
    if (key != null) {
      return RecordKeys.text(key.evaluateJson(r));
    }
    if (keyField != null) {
      JsonNode v = r.get(keyField);
      if (v == null || v.isMissingNode() || v.isNull()) {
        throw new IllegalArgumentException("no key field '" + keyField + "' in the record");
      }
      return RecordKeys.text(v);
    }
    return "";
  }

  /** The original record of a prepared one, for late records. */
  static FlowRecord original(FlowRecord prepared) {
    return prepared.withPayload((ObjectNode) prepared.asObjectNode().get("r"));
  }
}

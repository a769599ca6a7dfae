package dev.flow.actions.reduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Folds prepared records into one accumulator per window: a record {@code {a: [acc...]}} with one
 * small JSON value per aggregate, kept in state with Flow's record serializer. The result is the
 * object of output values.
 */
final class Aggregator implements AggregateFunction<FlowRecord, FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private final List<AggregateSpec> specs;

  Aggregator(List<AggregateSpec> specs) {
    this.specs = specs;
  }

  @Override
  public FlowRecord createAccumulator() {
    ObjectNode acc = Json.NODES.objectNode();
    ArrayNode a = acc.putArray("a");
    for (AggregateSpec s : specs) {
      a.add(Accumulators.empty(s.fn()));
    }
    return FlowRecord.of(acc);
  }

  @Override
  public FlowRecord add(FlowRecord prepared, FlowRecord acc) {
    ArrayNode a = (ArrayNode) acc.asObjectNodeForWrite().get("a");
    // A sliding window adds each record to several windows, and the values of a record that came
    // over the exchange are parsed on every read: read them only when an aggregate takes one.
    JsonNode values = null;
    for (int i = 0; i < specs.size(); i++) {
      AggregateSpec s = specs.get(i);
      JsonNode v = null;
      if (s.arg() != null) {
        if (values == null) {
          values = prepared.get("v");
        }
        v = values.get(i);
      }
      a.set(i, Accumulators.add(s.fn(), a.get(i), v));
    }
    return acc;
  }

  @Override
  public FlowRecord getResult(FlowRecord acc) {
    ObjectNode out = Json.NODES.objectNode();
    JsonNode a = acc.get("a");
    for (int i = 0; i < specs.size(); i++) {
      AggregateSpec s = specs.get(i);
      out.set(s.field(), Accumulators.result(s.fn(), a.get(i)));
    }
    return FlowRecord.of(out);
  }

  @Override
  public FlowRecord merge(FlowRecord x, FlowRecord y) {
    ObjectNode acc = Json.NODES.objectNode();
    ArrayNode a = acc.putArray("a");
    JsonNode ax = x.get("a");
    JsonNode ay = y.get("a");
    for (int i = 0; i < specs.size(); i++) {
      a.add(Accumulators.merge(specs.get(i).fn(), ax.get(i), ay.get(i)));
    }
    return FlowRecord.of(acc);
  }
}

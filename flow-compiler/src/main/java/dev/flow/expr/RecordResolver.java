package dev.flow.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelVariableResolver;
import dev.flow.record.FlowRecord;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an expression's variables against one record, reading each field only when the
 * expression asks for it. A top-level field the record does not have is an evaluation error.
 */
final class RecordResolver implements CelVariableResolver {
  private final FlowRecord record;
  private final Map<String, ?> variables;

  RecordResolver(FlowRecord record, Map<String, ?> variables) {
    this.record = record;
    this.variables = variables;
  }

  @Override
  public Optional<Object> find(String name) {
    if (!variables.isEmpty() && variables.containsKey(name)) {
      return Optional.of(CelValues.fromJava(variables.get(name)));
    }
    if (name.equals(CelEnv.RECORD)) {
      return Optional.of(CelValues.fromJson(record.asObjectNode()));
    }
    if (name.equals(CelEnv.META)) {
      return Optional.of(meta(record));
    }
    JsonNode node = record.get(name);
    if (node == null) {
      throw new MissingFieldException(name);
    }
    return Optional.of(CelValues.fromJson(node));
  }

  /** The {@code meta} variable: run id, trigger and event time, then the source metadata. */
  static Map<String, Object> meta(FlowRecord record) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (record.meta() != null) {
      Iterator<Map.Entry<String, JsonNode>> it = record.meta().fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), CelValues.fromJson(e.getValue()));
      }
    }
    if (record.runId() != null) {
      m.put("runId", record.runId());
    }
    m.put("triggerTime", record.triggerTime());
    if (record.eventTime() != FlowRecord.NO_TIME) {
      m.put("eventTime", record.eventTime());
    } else {
      m.remove("eventTime");
    }
    return m;
  }

  /** Thrown inside CEL's evaluation when an expression names a field the record lacks. */
  static final class MissingFieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingFieldException(String field) {
      super("no field '" + field + "' in the record", null, false, false);
    }
  }
}

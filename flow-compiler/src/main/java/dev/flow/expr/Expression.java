package dev.flow.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.io.Serializable;
import java.util.Set;

/**
 * A compiled expression that computes a value from a record. Top-level fields of the record are
 * variables ({@code amount * 2}, {@code customer.name}); {@code record} is the whole payload and
 * {@code meta} the record's metadata ({@code meta.runId}, {@code meta.key}).
 *
 * <p>Compiled once, at validation time; the instance is serializable and recompiles its program
 * lazily after deserialization.
 */
public final class Expression implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;

  private Expression(String source) {
    this.source = source;
  }

  /** Compiles {@code source}; throws with located errors when it does not compile. */
  public static Expression compile(String source) throws ExpressionException {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public String source() {
    return source;
  }

  /** The record fields this expression reads. */
  public Set<FieldPath> reads() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The value as a plain Java value: null, Boolean, Long, Double, String, List or Map. */
  public Object evaluate(FlowRecord record) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The value as JSON. */
  public JsonNode evaluateJson(FlowRecord record) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public String toString() {
    return source;
  }
}

package dev.flow.expr;

import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.io.Serializable;
import java.util.Set;

/** A compiled boolean expression over a record, e.g. {@code amount > 100 && country == "DE"}. */
public final class Condition implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;

  private Condition(String source) {
    this.source = source;
  }

  /** Compiles {@code source}; an expression that cannot be boolean is a compile error. */
  public static Condition compile(String source) throws ExpressionException {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public String source() {
    return source;
  }

  public Set<FieldPath> reads() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** True when the record matches. */
  public boolean test(FlowRecord record) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public String toString() {
    return source;
  }
}

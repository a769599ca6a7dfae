package dev.flow.expr;

import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.io.Serializable;
import java.util.Set;

/**
 * Text with expressions in braces, rendered per record: {@code https://api/customers/{id}?q={name}}.
 * {@code {{} } writes a literal brace. Each part is an {@link Expression}; errors are located in the
 * template's text.
 */
public final class Template implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;

  private Template(String source) {
    this.source = source;
  }

  public static Template compile(String source) throws ExpressionException {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public String source() {
    return source;
  }

  public Set<FieldPath> reads() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** True when the template has no expression parts. */
  public boolean isConstant() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public String render(FlowRecord record) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public String toString() {
    return source;
  }
}

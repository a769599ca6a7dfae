package dev.flow.expr;

import dev.flow.expr.ExpressionException.ExprError;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text with expressions in braces, rendered per record: {@code https://api/customers/{id}?q={name}}.
 * {@code {{} } writes a literal brace. Each part is an {@link Expression}; errors are located in the
 * template's text. A value renders as text: strings without quotes, numbers and booleans as JSON,
 * lists and maps as JSON, null as nothing.
 */
public final class Template implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private String shown;

  /** Literal strings and expressions, in order. */
  private final Object[] parts;

  private Template(String source, Object[] parts) {
    this.source = source;
    this.parts = parts;
  }

  public static Template compile(String source) throws ExpressionException {
    return compile(source, Set.of());
  }

  /** Compiles with extra named variables, see {@link Expression#compile(String, Set)}. */
  public static Template compile(String source, Set<String> variables) throws ExpressionException {
    List<Object> parts = new ArrayList<>();
    List<ExprError> errors = new ArrayList<>();
    TemplateScanner scanner = new TemplateScanner(source);
    for (TemplateScanner.Part p : scanner.parts()) {
      if (!p.expression()) {
        parts.add(p.text());
        continue;
      }
      try {
        parts.add(Expression.compile(p.text(), variables));
      } catch (ExpressionException e) {
        for (ExprError x : e.errors()) {
          errors.add(
              new ExprError(
                  x.line() + p.line() - 1,
                  x.line() == 1 ? x.column() + p.column() - 1 : x.column(),
                  x.message()));
        }
      }
    }
    errors.addAll(scanner.errors());
    if (!errors.isEmpty()) {
      errors.sort((a, b) -> a.line() != b.line() ? a.line() - b.line() : a.column() - b.column());
      throw new ExpressionException(errors);
    }
    return new Template(source, parts.toArray());
  }

  public String source() {
    return source;
  }

  /**
   * Hides the source in messages and {@link #toString()}, for an expression that holds the value of
   * a secret parameter; returns this.
   */
  public Template hidingSource() {
    this.shown = Expression.SECRET_SOURCE;
    for (Object p : parts) {
      if (p instanceof Expression e) {
        e.hidingSource();
      }
    }
    return this;
  }

  public Set<FieldPath> reads() {
    Set<FieldPath> out = new LinkedHashSet<>();
    for (Object p : parts) {
      if (p instanceof Expression e) {
        out.addAll(e.reads());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** True when some part uses {@code record} as a whole. */
  public boolean readsWholeRecord() {
    for (Object p : parts) {
      if (p instanceof Expression e && e.readsWholeRecord()) {
        return true;
      }
    }
    return false;
  }

  /** True when the template has no expression parts. */
  public boolean isConstant() {
    for (Object p : parts) {
      if (p instanceof Expression) {
        return false;
      }
    }
    return true;
  }

  public String render(FlowRecord record) {
    return render(record, Map.of());
  }

  /** Renders with values for the extra variables. */
  public String render(FlowRecord record, Map<String, ?> values) {
    if (parts.length == 1 && parts[0] instanceof String s) {
      return s;
    }
    StringBuilder b = new StringBuilder(source.length() + 32);
    for (Object p : parts) {
      if (p instanceof Expression e) {
        b.append(CelValues.toText(e.evaluateRaw(record, values)));
      } else {
        b.append((String) p);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return shown != null ? shown : source;
  }
}

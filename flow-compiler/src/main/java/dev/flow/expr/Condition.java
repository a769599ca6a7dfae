package dev.flow.expr;

import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * A compiled boolean expression over a record, e.g. {@code amount > 100 && country == "DE"}. An
 * expression whose type is known not to be boolean is a compile error; one whose type is only known
 * at run time ({@code flag} for a record field) must give true or false, or the test throws an
 * {@link EvaluationException}.
 *
 * <p>Simple conditions (fields compared with literals, {@code has()}, joined by {@code &&}, {@code
 * ||} and {@code !}) are answered natively when the answer is certain to equal CEL's; anything
 * else, including every error, goes through CEL.
 */
public final class Condition implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final Expression expression;
  private String shown;

  private Condition(String source, Expression expression) {
    this.source = source;
    this.expression = expression;
  }

  /** Compiles {@code source}; an expression that cannot be boolean is a compile error. */
  public static Condition compile(String source) throws ExpressionException {
    return compile(source, Set.of());
  }

  /**
   * Compiles {@code source} with extra named variables, see {@link Expression#compile(String,
   * Set)}.
   */
  public static Condition compile(String source, Set<String> variables) throws ExpressionException {
    return new Condition(source, Expression.compile(source, variables, true));
  }

  public String source() {
    return source;
  }

  /**
   * Hides the source in messages and {@link #toString()}, for an expression that holds the value of
   * a secret parameter; returns this.
   */
  public Condition hidingSource() {
    this.shown = Expression.SECRET_SOURCE;
    expression.hidingSource();
    return this;
  }

  public Set<FieldPath> reads() {
    return expression.reads();
  }

  /** True when {@code record} is used as a whole, so the condition may read any field. */
  public boolean readsWholeRecord() {
    return expression.readsWholeRecord();
  }

  /** True when the record matches. */
  public boolean test(FlowRecord record) {
    return test(record, Map.of());
  }

  /** True when the record matches, with values for the extra variables. */
  public boolean test(FlowRecord record, Map<String, ?> values) {
    FastCondition fast = expression.fastCondition();
    if (fast != null) {
      int r = fast.test(record);
      if (r != FastCondition.UNKNOWN) {
        return r == FastCondition.TRUE;
      }
    }
    return testWithCel(record, values);
  }

  Expression expressionForTest() {
    return expression;
  }

  /** True when the simple native evaluator handles this condition. */
  boolean hasFastPath() {
    return expression.fastCondition() != null;
  }

  /** The test done by CEL alone, without the native evaluator. */
  boolean testWithCel(FlowRecord record, Map<String, ?> values) {
    Object v = expression.evaluateRaw(record, values);
    if (v instanceof Boolean b) {
      return b;
    }
    throw new EvaluationException(
        "a condition must give true or false, but gave "
            + CelValues.describe(v)
            + (v instanceof dev.cel.common.values.NullValue ? "" : " " + CelValues.toText(v))
            + " (in expression \""
            + (shown != null ? shown : source)
            + "\")");
  }

  @Override
  public String toString() {
    return shown != null ? shown : source;
  }
}

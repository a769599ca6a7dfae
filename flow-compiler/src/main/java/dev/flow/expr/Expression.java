package dev.flow.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * A compiled expression that computes a value from a record. Top-level fields of the record are
 * variables ({@code amount * 2}, {@code customer.name}); {@code record} is the whole payload and
 * {@code meta} the record's metadata ({@code meta.runId}, {@code meta.key}).
 *
 * <p>The language is CEL with the strings, math, lists, optional and bindings extensions. Fields
 * are read only when the expression needs them. A top-level field the record lacks is an {@link
 * EvaluationException} ("no field 'amount' in the record"); test optional fields with {@code
 * has(record.amount)} or {@code has(customer.address)}, or read them with {@code
 * record.?amount.orValue(0)}. {@code meta} holds {@code runId}, {@code triggerTime} (epoch ms),
 * {@code eventTime} (epoch ms, absent when unknown) and the record's source metadata.
 *
 * <p>Compiled once, at validation time; the instance is serializable and recompiles its program
 * lazily after deserialization. Evaluation is thread-safe.
 */
public final class Expression implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String[] variables;
  private final boolean condition;
  private transient volatile CelEnv.Compiled compiled;
  private String shown;

  /** What messages show instead of an expression that holds a secret parameter's value. */
  public static final String SECRET_SOURCE = "<an expression that uses a secret parameter>";

  private Expression(String source, String[] variables, boolean condition, CelEnv.Compiled c) {
    this.source = source;
    this.variables = variables;
    this.condition = condition;
    this.compiled = c;
  }

  /** Compiles {@code source}; throws with located errors when it does not compile. */
  public static Expression compile(String source) throws ExpressionException {
    return compile(source, Set.of());
  }

  /**
   * Compiles {@code source} with extra named variables, whose values are passed to {@link
   * #evaluate(FlowRecord, Map)}; these names shadow record fields of the same name.
   */
  public static Expression compile(String source, Set<String> variables)
      throws ExpressionException {
    return compile(source, variables, false);
  }

  static Expression compile(String source, Set<String> variables, boolean condition)
      throws ExpressionException {
    CelEnv.Compiled c = CelEnv.compile(source, variables, condition);
    return new Expression(source, variables.stream().sorted().toArray(String[]::new), condition, c);
  }

  public String source() {
    return source;
  }

  /** The source as messages show it: hidden when it holds a secret. */
  String shown() {
    return shown != null ? shown : source;
  }

  /**
   * Hides the source in messages and {@link #toString()}, for an expression that holds the value of
   * a secret parameter; returns this.
   */
  public Expression hidingSource() {
    this.shown = SECRET_SOURCE;
    return this;
  }

  /** The extra variable names this expression was compiled with. */
  public Set<String> variables() {
    return Set.of(variables);
  }

  /**
   * The record fields this expression reads: the longest static paths ({@code
   * customer.address.city}, {@code record["a-b"]} as {@code a-b}); a path covered by a shorter one
   * is left out.
   */
  public Set<FieldPath> reads() {
    return compiled().scan().reads();
  }

  /** True when the expression uses {@code record} as a whole, so it may read any field. */
  public boolean readsWholeRecord() {
    return compiled().scan().readsWholeRecord();
  }

  /** True when the expression reads the record's metadata. */
  public boolean readsMeta() {
    return compiled().scan().readsMeta();
  }

  /** The value as a plain Java value: null, Boolean, Long, Double, String, List or Map. */
  public Object evaluate(FlowRecord record) {
    return CelValues.toJava(evaluateRaw(record, Map.of()));
  }

  /** Like {@link #evaluate(FlowRecord)}, with values for the extra variables. */
  public Object evaluate(FlowRecord record, Map<String, ?> values) {
    return CelValues.toJava(evaluateRaw(record, values));
  }

  /** The value as JSON. */
  public JsonNode evaluateJson(FlowRecord record) {
    return evaluateJson(record, Map.of());
  }

  /** Like {@link #evaluateJson(FlowRecord)}, with values for the extra variables. */
  public JsonNode evaluateJson(FlowRecord record, Map<String, ?> values) {
    Object v = evaluateRaw(record, values);
    try {
      return CelValues.toJson(v);
    } catch (EvaluationException e) {
      throw new EvaluationException(e.getMessage() + " (in expression \"" + shown() + "\")");
    }
  }

  /** The value as CEL produced it (null is {@code NullValue}). */
  Object evaluateRaw(FlowRecord record, Map<String, ?> values) {
    CelEnv.Compiled c = compiled();
    for (String v : variables) {
      if (!values.containsKey(v)) {
        throw new IllegalArgumentException("no value given for variable '" + v + "'");
      }
    }
    try {
      return c.program().eval(new RecordResolver(record, values));
    } catch (CelEvaluationException e) {
      throw EvalErrors.translate(e, shown(), c.ast());
    } catch (RecordResolver.MissingFieldException e) {
      throw new EvaluationException(e.getMessage() + " (in expression \"" + shown() + "\")");
    }
  }

  /** The native evaluator of a simple condition, or null. */
  FastCondition fastCondition() {
    return compiled().fast();
  }

  private CelEnv.Compiled compiled() {
    CelEnv.Compiled c = compiled;
    if (c == null) {
      synchronized (this) {
        c = compiled;
        if (c == null) {
          try {
            c = CelEnv.compile(source, Set.of(variables), condition);
          } catch (ExpressionException e) {
            throw new IllegalStateException("expression no longer compiles: " + source, e);
          }
          compiled = c;
        }
      }
    }
    return c;
  }

  @Override
  public String toString() {
    return shown();
  }
}

package dev.flow.actions.reduce;

import dev.flow.expr.Expression;
import dev.flow.expr.ExpressionException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One output field of a Reduce: an aggregate function and the expression it reads, written {@code
 * sum(amount)} or {@code count}.
 *
 * @param field the output field
 * @param fn the aggregate function
 * @param arg the expression aggregated, or null for a plain {@code count}; for {@code maxBy} and
 *     {@code minBy} the expression compared
 * @param of for {@code maxBy} and {@code minBy}, the expression whose values are kept; else null
 */
record AggregateSpec(String field, Fn fn, Expression arg, Expression of) implements Serializable {

  private static final Pattern CALL =
      Pattern.compile("\\s*([A-Za-z_]+)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);

  /** The aggregate functions. */
  enum Fn {
    COUNT("count"),
    SUM("sum"),
    MIN("min"),
    MAX("max"),
    AVG("avg"),
    FIRST("first"),
    LAST("last"),
    COLLECT_LIST("collectList"),
    COLLECT_SET("collectSet"),
    DISTINCT_COUNT("distinctCount"),
    MAX_BY("maxBy"),
    MIN_BY("minBy");

    final String written;

    Fn(String written) {
      this.written = written;
    }

    static Fn of(String name) {
      String n = name.replace("_", "").toLowerCase(Locale.ROOT);
      for (Fn f : values()) {
        if (f.written.toLowerCase(Locale.ROOT).equals(n)) {
          return f;
        }
      }
      return null;
    }
  }

  /** Parses {@code text}; throws with a message naming the field when it is not an aggregate. */
  static AggregateSpec parse(String field, String text) {
    Matcher m = CALL.matcher(text == null ? "" : text);
    String known = String.join(", ", Arrays.stream(Fn.values()).map(f -> f.written).toList());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "aggregate '"
              + field
              + "' must be written function(expression), e.g. sum(amount);"
              + " found '"
              + text
              + "'. Functions: "
              + known);
    }
    Fn fn = Fn.of(m.group(1));
    if (fn == null) {
      throw new IllegalArgumentException(
          "unknown aggregate function '"
              + m.group(1)
              + "' for '"
              + field
              + "'. Functions: "
              + known);
    }
    String argText = m.group(2) == null ? "" : m.group(2).trim();
    if (argText.isEmpty()) {
      if (fn != Fn.COUNT) {
        throw new IllegalArgumentException(
            "aggregate '"
                + field
                + "': "
                + fn.written
                + " needs an expression, e.g. "
                + fn.written
                + "(amount)");
      }
      return new AggregateSpec(field, fn, null, null);
    }
    try {
      if (fn == Fn.MAX_BY || fn == Fn.MIN_BY) {
        int comma = topLevelComma(argText);
        if (comma < 0) {
          throw new IllegalArgumentException(
              "aggregate '"
                  + field
                  + "': "
                  + fn.written
                  + " needs two expressions, what to compare and what to keep, e.g. "
                  + fn.written
                  + "(price, auction)");
        }
        return new AggregateSpec(
            field,
            fn,
            Expression.compile(argText.substring(0, comma).trim()),
            Expression.compile(argText.substring(comma + 1).trim()));
      }
      return new AggregateSpec(field, fn, Expression.compile(argText), null);
    } catch (ExpressionException e) {
      throw new IllegalArgumentException("aggregate '" + field + "': " + e.getMessage(), e);
    }
  }

  /**
   * What this aggregate reads from one record: null for a plain count, the argument's value, or
   * {@code [compared, kept]} for maxBy and minBy.
   */
  com.fasterxml.jackson.databind.JsonNode valueOf(dev.flow.record.FlowRecord r) {
    if (arg == null) {
      return null;
    }
    com.fasterxml.jackson.databind.JsonNode v = arg.evaluateJson(r);
    if (of == null) {
      return v;
    }
    return dev.flow.record.Json.NODES.arrayNode().add(v).add(of.evaluateJson(r));
  }

  /** The first comma outside brackets, parentheses and quotes, or -1. */
  private static int topLevelComma(String text) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return -1;
  }
}

package dev.flow.expr;

import dev.cel.common.CelErrorCode;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.runtime.CelEvaluationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns CEL's evaluation errors into messages a data engineer understands. */
final class EvalErrors {
  private static final Pattern PREFIX = Pattern.compile("^evaluation error(?: at [^:]*:(\\d+))?: ");
  private static final Pattern OVERLOAD =
      Pattern.compile("No matching overload for function '([^']+)'.*", Pattern.DOTALL);
  private static final Pattern MAP_KEY = Pattern.compile("key '(.*)' is not present in map\\.");
  private static final Pattern SELECT =
      Pattern.compile("Error resolving field '(.*)'\\. Field selections must be .*");

  private EvalErrors() {}

  /** The error for a failed evaluation of {@code source}. */
  static EvaluationException translate(CelEvaluationException e, String source, CelSource src) {
    String raw = e.getMessage() == null ? "" : e.getMessage();
    Matcher p = PREFIX.matcher(raw);
    String where = "";
    String message = raw;
    if (p.find()) {
      message = raw.substring(p.end());
      if (p.group(1) != null) {
        where = location(src, Integer.parseInt(p.group(1)));
      }
    }
    String what = describe(e, message);
    return new EvaluationException(
        what + " (in expression \"" + source + "\"" + where + ")", e.getCause());
  }

  private static String describe(CelEvaluationException e, String message) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RecordResolver.MissingFieldException) {
        return t.getMessage();
      }
      if (t instanceof EvaluationException) {
        return t.getMessage();
      }
    }
    CelErrorCode code = e.getErrorCode();
    if (code == CelErrorCode.DIVIDE_BY_ZERO || message.endsWith("by zero")) {
      return message.startsWith("%") ? "modulus by zero" : "division by zero";
    }
    if (code == CelErrorCode.NUMERIC_OVERFLOW) {
      return "integer overflow: " + message;
    }
    if (code == CelErrorCode.ITERATION_BUDGET_EXCEEDED) {
      return "too many iterations: the limit is "
          + CelEnv.MAX_ITERATIONS
          + " per comprehension (all, exists, map, filter)";
    }
    Matcher m = OVERLOAD.matcher(message);
    if (m.matches()) {
      String fn = m.group(1);
      String op = Operators.display(fn);
      if (Operators.isArithmetic(fn)) {
        return "'"
            + op
            + "' cannot be applied to these values: they must have the same type"
            + " (an int and a double do not mix; convert with double(x) or int(x))";
      }
      if (Operators.isOperator(fn)) {
        return "'" + op + "' cannot be applied to these values: their types do not match";
      }
      return "function '" + op + "' cannot be applied to these argument types";
    }
    m = MAP_KEY.matcher(message);
    if (m.matches()) {
      return "no field '"
          + m.group(1)
          + "'; test optional fields with has(x."
          + m.group(1)
          + ") or read them with x.?"
          + m.group(1)
          + ".orValue(default)";
    }
    m = SELECT.matcher(message);
    if (m.matches()) {
      return "cannot read field '" + m.group(1) + "' of a value that is not an object";
    }
    return message;
  }

  private static String location(CelSource src, int offset) {
    if (src == null) {
      return "";
    }
    CelSourceLocation loc = src.getOffsetLocation(offset).orElse(null);
    if (loc == null) {
      return "";
    }
    return loc.getLine() > 1
        ? " at line " + loc.getLine() + ", column " + (loc.getColumn() + 1)
        : " at column " + (loc.getColumn() + 1);
  }
}

package dev.flow.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  static EvaluationException translate(
      CelEvaluationException e, String source, CelAbstractSyntaxTree ast) {
    CelSource src = ast.getSource();
    String raw = e.getMessage() == null ? "" : e.getMessage();
    Matcher p = PREFIX.matcher(raw);
    String where = "";
    String message = raw;
    int offset = -1;
    if (p.find()) {
      message = raw.substring(p.end());
      if (p.group(1) != null) {
        offset = Integer.parseInt(p.group(1));
        where = location(src, offset);
      }
    }
    String what = describe(e, message, offset < 0 ? null : selectAt(ast, offset));
    return new EvaluationException(
        what + " (in expression \"" + source + "\"" + where + ")", e.getCause());
  }

  private static String describe(CelEvaluationException e, String message, List<String> path) {
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
      return "division by zero";
    }
    if (code == CelErrorCode.NUMERIC_OVERFLOW) {
      return "integer overflow: " + message;
    }
    if (code == CelErrorCode.INDEX_OUT_OF_BOUNDS) {
      return "list index out of range: " + message.replace("Index out of bounds: ", "");
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
            + " (convert with int(x), double(x) or string(x))";
      }
      if (Operators.isOperator(fn)) {
        return "'" + op + "' cannot be applied to these values: their types do not match";
      }
      return "function '" + op + "' cannot be applied to these argument types";
    }
    m = MAP_KEY.matcher(message);
    boolean missingKey = m.matches() || code == CelErrorCode.ATTRIBUTE_NOT_FOUND;
    String key = m.matches() ? m.group(1) : message;
    if (missingKey && path != null && path.get(path.size() - 1).equals(key)) {
      return missing(path);
    }
    if (code == CelErrorCode.ATTRIBUTE_NOT_FOUND
        && !m.matches()
        && !SELECT.matcher(message).matches()) {
      return "no key '" + key + "' in the map";
    }
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

  /** The message for a missing nested field, naming its whole path. */
  private static String missing(List<String> path) {
    String head = path.get(0);
    List<String> rest = path.subList(1, path.size());
    String dotted = String.join(".", path);
    String where = " in the record";
    if (head.equals(CelEnv.RECORD)) {
      dotted = String.join(".", rest);
    } else if (head.equals(CelEnv.META)) {
      dotted = String.join(".", rest);
      where = " in meta";
    }
    String parent = String.join(".", path.subList(0, path.size() - 1));
    String leaf = path.get(path.size() - 1);
    if (!leaf.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return "no field '"
          + dotted
          + "'"
          + where
          + "; test for it with \""
          + leaf
          + "\" in "
          + parent
          + " or read it with "
          + parent
          + "[?\""
          + leaf
          + "\"].orValue(default)";
    }
    return "no field '"
        + dotted
        + "'"
        + where
        + "; test for it with has("
        + String.join(".", path)
        + ") or read it with "
        + parent
        + ".?"
        + leaf
        + ".orValue(default)";
  }

  /** The static select chain (a.b.c) at {@code offset}, or null. */
  private static List<String> selectAt(CelAbstractSyntaxTree ast, int offset) {
    for (Map.Entry<Long, Integer> en : ast.getSource().getPositionsMap().entrySet()) {
      if (en.getValue() == offset) {
        CelExpr e = find(ast.getExpr(), en.getKey());
        if (e != null
            && (e.getKind() == CelExpr.ExprKind.Kind.SELECT
                || e.getKind() == CelExpr.ExprKind.Kind.CALL)) {
          List<String> chain = dotted(e);
          if (chain != null) {
            return chain;
          }
        }
      }
    }
    return null;
  }

  private static List<String> dotted(CelExpr e) {
    if (e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
      List<String> l = new ArrayList<>();
      l.add(e.ident().name());
      return l;
    }
    if (e.getKind() == CelExpr.ExprKind.Kind.SELECT) {
      List<String> l = dotted(e.select().operand());
      if (l != null) {
        l.add(e.select().field());
      }
      return l;
    }
    if (e.getKind() == CelExpr.ExprKind.Kind.CALL
        && e.call().function().equals("_[_]")
        && e.call().args().size() == 2
        && e.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && e.call().args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
      List<String> l = dotted(e.call().args().get(0));
      if (l != null) {
        l.add(e.call().args().get(1).constant().stringValue());
      }
      return l;
    }
    return null;
  }

  private static CelExpr find(CelExpr e, long id) {
    if (e.id() == id) {
      return e;
    }
    List<CelExpr> children = new ArrayList<>();
    switch (e.getKind()) {
      case SELECT -> children.add(e.select().operand());
      case CALL -> {
        e.call().target().ifPresent(children::add);
        children.addAll(e.call().args());
      }
      case LIST -> children.addAll(e.list().elements());
      case MAP ->
          e.map()
              .entries()
              .forEach(
                  x -> {
                    children.add(x.key());
                    children.add(x.value());
                  });
      case COMPREHENSION -> {
        var c = e.comprehension();
        children.addAll(
            List.of(c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(), c.result()));
      }
      default -> {}
    }
    for (CelExpr c : children) {
      CelExpr f = find(c, id);
      if (f != null) {
        return f;
      }
    }
    return null;
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

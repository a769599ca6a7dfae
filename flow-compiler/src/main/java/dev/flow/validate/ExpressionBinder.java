package dev.flow.validate;

import dev.flow.expr.Condition;
import dev.flow.expr.Expression;
import dev.flow.expr.ExpressionException;
import dev.flow.expr.Template;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.spi.ErrorRecordFactory;

/**
 * Compiles props of the expression types ({@link Condition}, {@link Expression}, {@link Template})
 * and reports each compile error at its place in the flow file.
 */
final class ExpressionBinder {

  private final OptionsBinder binder;

  ExpressionBinder(OptionsBinder binder) {
    this.binder = binder;
  }

  static boolean handles(Class<?> type) {
    return type == Condition.class || type == Expression.class || type == Template.class;
  }

  Object bind(Class<?> type, Node node, String path, boolean secret) {
    if (!(node instanceof Node.ScalarNode s) || s.isNull()) {
      return binder.mismatch(node, path, "an expression (a string)", null, secret);
    }
    String text = s.text();
    String noun = binder.noun();
    try {
      // An expression that holds a secret parameter's value never shows its text at run time.
      boolean hide = secret || s.secret();
      if (type == Condition.class) {
        Condition c = Condition.compile(text);
        return hide ? c.hidingSource() : c;
      }
      if (type == Expression.class) {
        Expression e = Expression.compile(text);
        return hide ? e.hidingSource() : e;
      }
      Template t = Template.compile(text);
      return hide ? t.hidingSource() : t;
    } catch (ExpressionException e) {
      if (secret || s.secret()) {
        binder.error(
            s.location(),
            noun + " '" + path + "' is not a valid " + kind(type) + "; its value is secret",
            null);
        return OptionsBinder.FAILED;
      }
      for (ExpressionException.ExprError err : e.errors()) {
        binder.error(
            locate(s, err.line(), err.column()),
            noun + " '" + path + "' is not a valid " + kind(type) + ": " + err.message(),
            null);
      }
      if (e.errors().isEmpty()) {
        binder.error(
            s.location(),
            noun + " '" + path + "' is not a valid " + kind(type) + ": " + e.getMessage(),
            null);
      }
    } catch (RuntimeException e) {
      binder.error(
          s.location(),
          noun + " '" + path + "' could not be compiled: " + ErrorRecordFactory.describe(e),
          null);
    }
    return OptionsBinder.FAILED;
  }

  private static String kind(Class<?> type) {
    return type == Condition.class
        ? "condition"
        : type == Template.class ? "template" : "expression";
  }

  /** The file location of a 1-based line and column inside the scalar's text. */
  static Location locate(Node.ScalarNode s, int line, int column) {
    if (s.style() == Node.ScalarNode.Style.LITERAL) {
      return s.location().at(Math.max(1, line), s.location().column());
    }
    return line <= 1 ? s.locationOf(Math.max(0, column - 1)) : s.location();
  }
}

package dev.flow.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

/**
 * Compares a JSON value with a literal exactly as CEL's standard operators do with heterogeneous
 * numeric comparisons on, or answers {@link FastCondition#UNKNOWN} where CEL would fail.
 */
final class FastCompare {
  static final int EQ = 0;
  static final int NE = 1;
  static final int LT = 2;
  static final int LE = 3;
  static final int GT = 4;
  static final int GE = 5;

  private static final int INT = 0;
  private static final int DOUBLE = 1;
  private static final int STRING = 2;
  private static final int BOOL = 3;
  private static final int NULL = 4;
  private static final int OTHER = 5;

  private static final double LONG_MIN = (double) Long.MIN_VALUE;
  private static final double LONG_MAX = (double) Long.MAX_VALUE;

  private FastCompare() {}

  /** A literal operand, with its value in the field matching its kind. */
  record Literal(int kind, long l, double d, String s, boolean b) {}

  static int operator(String fn) {
    return switch (fn) {
      case "_==_" -> EQ;
      case "_!=_" -> NE;
      case "_<_" -> LT;
      case "_<=_" -> LE;
      case "_>_" -> GT;
      case "_>=_" -> GE;
      default -> -1;
    };
  }

  /** The operator with its operands swapped: {@code 1 < x} is {@code x > 1}. */
  static int mirror(int op) {
    return switch (op) {
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
      default -> op;
    };
  }

  static Literal literal(CelExpr e) {
    if (e.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
      return null;
    }
    CelConstant c = e.constant();
    return switch (c.getKind()) {
      case INT64_VALUE -> new Literal(INT, c.int64Value(), 0, null, false);
      case DOUBLE_VALUE -> new Literal(DOUBLE, 0, c.doubleValue(), null, false);
      case STRING_VALUE -> new Literal(STRING, 0, 0, c.stringValue(), false);
      case BOOLEAN_VALUE -> new Literal(BOOL, 0, 0, null, c.booleanValue());
      case NULL_VALUE -> new Literal(NULL, 0, 0, null, false);
      default -> null;
    };
  }

  /** {@code node op literal} as TRUE, FALSE or UNKNOWN. */
  static int compare(JsonNode n, int op, Literal lit) {
    int kind = kind(n);
    if (kind == NULL || lit.kind() == NULL) {
      if (op != EQ && op != NE) {
        return FastCondition.UNKNOWN;
      }
      return bool((kind == lit.kind()) == (op == EQ));
    }
    if (kind == OTHER) {
      return FastCondition.UNKNOWN;
    }
    if (kind == INT && lit.kind() == INT) {
      return ordered(Long.compare(n.longValue(), lit.l()), op);
    }
    if (kind == DOUBLE && lit.kind() == DOUBLE) {
      return doubles(n.doubleValue(), op, lit.d());
    }
    if (kind == INT && lit.kind() == DOUBLE) {
      return ordered(-compareDoubleLong(lit.d(), n.longValue()), op);
    }
    if (kind == DOUBLE && lit.kind() == INT) {
      return ordered(compareDoubleLong(number(n), lit.l()), op);
    }
    if (kind == STRING && lit.kind() == STRING) {
      String s = n.textValue();
      if (op == EQ || op == NE) {
        return bool(s.equals(lit.s()) == (op == EQ));
      }
      return ordered(s.compareTo(lit.s()), op);
    }
    if (kind == BOOL && lit.kind() == BOOL) {
      return ordered(Boolean.compare(n.booleanValue(), lit.b()), op);
    }
    return FastCondition.UNKNOWN;
  }

  private static int kind(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? INT : DOUBLE;
    }
    if (n.isNumber()) {
      return DOUBLE;
    }
    if (n.isTextual()) {
      return STRING;
    }
    if (n.isBoolean()) {
      return BOOL;
    }
    if (n.isNull()) {
      return NULL;
    }
    return OTHER;
  }

  /** The double CEL sees for a JSON number (a huge integer becomes a double). */
  private static double number(JsonNode n) {
    return n.isIntegralNumber() ? n.bigIntegerValue().doubleValue() : n.doubleValue();
  }

  /** Double against double with Java's primitive operators, as CEL's double overloads do. */
  private static int doubles(double x, int op, double y) {
    boolean r =
        switch (op) {
          case EQ -> x == y;
          case NE -> !(x == y);
          case LT -> x < y;
          case LE -> x <= y;
          case GT -> x > y;
          default -> x >= y;
        };
    return bool(r);
  }

  /** Double against int as CEL orders mixed numbers: by Double.compare within the long range. */
  private static int compareDoubleLong(double d, long l) {
    if (d < LONG_MIN) {
      return -1;
    }
    if (d > LONG_MAX) {
      return 1;
    }
    return Double.compare(d, (double) l);
  }

  private static int ordered(int cmp, int op) {
    boolean r =
        switch (op) {
          case EQ -> cmp == 0;
          case NE -> cmp != 0;
          case LT -> cmp < 0;
          case LE -> cmp <= 0;
          case GT -> cmp > 0;
          default -> cmp >= 0;
        };
    return bool(r);
  }

  private static int bool(boolean b) {
    return b ? FastCondition.TRUE : FastCondition.FALSE;
  }
}

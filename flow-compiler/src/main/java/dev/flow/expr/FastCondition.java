package dev.flow.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A native evaluator for simple, already type-checked conditions: fields compared with literals,
 * presence tests and boolean fields, joined by {@code &&}, {@code ||} and {@code !}. It answers
 * only when it is sure to agree with CEL; whenever CEL would raise an error or meet a value kind it
 * does not handle, it answers {@link #UNKNOWN} and the caller evaluates with CEL.
 */
abstract class FastCondition {
  static final int FALSE = 0;
  static final int TRUE = 1;
  static final int UNKNOWN = -1;

  /** TRUE, FALSE or UNKNOWN for this record. */
  abstract int test(FlowRecord record);

  /** The evaluator for {@code e}, or null when the expression is not simple enough. */
  static FastCondition of(CelExpr e, Set<String> variables) {
    switch (e.getKind()) {
      case CONSTANT:
        if (e.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
          int v = e.constant().booleanValue() ? TRUE : FALSE;
          return new FastCondition() {
            @Override
            int test(FlowRecord record) {
              return v;
            }
          };
        }
        return null;
      case SELECT:
        if (e.select().testOnly()) {
          FieldPath parent = path(e.select().operand(), variables, true);
          return parent == null ? null : new Has(parent, e.select().field());
        }
        return boolField(e, variables);
      case IDENT:
        return boolField(e, variables);
      case CALL:
        return call(e, variables);
      default:
        return null;
    }
  }

  private static FastCondition call(CelExpr e, Set<String> variables) {
    String fn = e.call().function();
    List<CelExpr> args = e.call().args();
    if (e.call().target().isPresent()) {
      return null;
    }
    if (fn.equals("!_") && args.size() == 1) {
      FastCondition inner = of(args.get(0), variables);
      return inner == null ? null : new Not(inner);
    }
    if ((fn.equals("_&&_") || fn.equals("_||_")) && args.size() == 2) {
      FastCondition a = of(args.get(0), variables);
      FastCondition b = of(args.get(1), variables);
      if (a == null || b == null) {
        return null;
      }
      return fn.equals("_&&_") ? new And(a, b) : new Or(a, b);
    }
    int op = FastCompare.operator(fn);
    if (op < 0 || args.size() != 2) {
      return null;
    }
    CelExpr left = args.get(0);
    CelExpr right = args.get(1);
    if (left.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
      CelExpr t = left;
      left = right;
      right = t;
      op = FastCompare.mirror(op);
    }
    FieldPath field = path(left, variables, false);
    FastCompare.Literal literal = FastCompare.literal(right);
    if (field == null || literal == null) {
      return null;
    }
    return new Compare(field, op, literal);
  }

  private static FastCondition boolField(CelExpr e, Set<String> variables) {
    FieldPath p = path(e, variables, false);
    return p == null ? null : new BoolField(p);
  }

  /**
   * The record path of a static chain ({@code a.b}, {@code record.x}, {@code a["k"]}); the empty
   * path (null segments) stands for the whole record and is allowed only when {@code allowRoot}.
   */
  private static FieldPath path(CelExpr e, Set<String> variables, boolean allowRoot) {
    List<String> segments = new ArrayList<>();
    CelExpr cur = e;
    while (true) {
      if (cur.getKind() == CelExpr.ExprKind.Kind.SELECT && !cur.select().testOnly()) {
        segments.add(0, cur.select().field());
        cur = cur.select().operand();
      } else if (cur.getKind() == CelExpr.ExprKind.Kind.CALL
          && cur.call().function().equals("_[_]")
          && cur.call().target().isEmpty()
          && cur.call().args().size() == 2
          && cur.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
          && cur.call().args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
        segments.add(0, cur.call().args().get(1).constant().stringValue());
        cur = cur.call().args().get(0);
      } else {
        break;
      }
    }
    if (cur.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return null;
    }
    String name = cur.ident().name();
    if (name.equals(CelEnv.META) || variables.contains(name) || AstScan.isTypeName(name)) {
      return null;
    }
    if (!name.equals(CelEnv.RECORD)) {
      segments.add(0, name);
    }
    if (segments.isEmpty()) {
      return allowRoot ? ROOT : null;
    }
    return FieldPath.of(segments.toArray(new String[0]));
  }

  /** Stands for the record itself as the parent of a presence test. */
  private static final FieldPath ROOT = FieldPath.of("");

  static JsonNode read(FlowRecord record, FieldPath path) {
    return record.get(path); // the path holds its segments' bytes and hashes, made once
  }

  private static final class Has extends FastCondition {
    private final FieldPath parent;
    private final String field;

    Has(FieldPath parent, String field) {
      this.parent = parent;
      this.field = field;
    }

    @Override
    int test(FlowRecord record) {
      JsonNode p = parent == ROOT ? record.asObjectNode() : read(record, parent);
      if (p == null || !p.isObject()) {
        return UNKNOWN;
      }
      return p.has(field) ? TRUE : FALSE;
    }
  }

  private static final class BoolField extends FastCondition {
    private final FieldPath path;

    BoolField(FieldPath path) {
      this.path = path;
    }

    @Override
    int test(FlowRecord record) {
      JsonNode n = read(record, path);
      if (n == null || !n.isBoolean()) {
        return UNKNOWN;
      }
      return n.booleanValue() ? TRUE : FALSE;
    }
  }

  private static final class Compare extends FastCondition {
    private final FieldPath path;
    private final int op;
    private final FastCompare.Literal literal;

    Compare(FieldPath path, int op, FastCompare.Literal literal) {
      this.path = path;
      this.op = op;
      this.literal = literal;
    }

    @Override
    int test(FlowRecord record) {
      JsonNode n = read(record, path);
      return n == null ? UNKNOWN : FastCompare.compare(n, op, literal);
    }
  }

  private static final class Not extends FastCondition {
    private final FastCondition inner;

    Not(FastCondition inner) {
      this.inner = inner;
    }

    @Override
    int test(FlowRecord record) {
      int v = inner.test(record);
      return v == UNKNOWN ? UNKNOWN : 1 - v;
    }
  }

  /** CEL's logical and: false wins over an error, an error wins over true. */
  private static final class And extends FastCondition {
    private final FastCondition a;
    private final FastCondition b;

    And(FastCondition a, FastCondition b) {
      this.a = a;
      this.b = b;
    }

    @Override
    int test(FlowRecord record) {
      int x = a.test(record);
      if (x == FALSE) {
        return FALSE;
      }
      int y = b.test(record);
      if (y == FALSE) {
        return FALSE;
      }
      return x == TRUE && y == TRUE ? TRUE : UNKNOWN;
    }
  }

  /** CEL's logical or: true wins over an error, an error wins over false. */
  private static final class Or extends FastCondition {
    private final FastCondition a;
    private final FastCondition b;

    Or(FastCondition a, FastCondition b) {
      this.a = a;
      this.b = b;
    }

    @Override
    int test(FlowRecord record) {
      int x = a.test(record);
      if (x == TRUE) {
        return TRUE;
      }
      int y = b.test(record);
      if (y == TRUE) {
        return TRUE;
      }
      return x == FALSE && y == FALSE ? FALSE : UNKNOWN;
    }
  }
}

package dev.flow.expr;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.flow.record.FieldPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a parsed expression to find the record fields it names: the free identifiers (declared as
 * {@code dyn}) and the field paths it reads, as the longest static select chains.
 */
final class AstScan {
  /** Identifiers CEL resolves to types; they are never record fields. */
  private static final Set<String> TYPE_NAMES =
      Set.of(
          "bool",
          "bytes",
          "double",
          "int",
          "uint",
          "string",
          "list",
          "map",
          "null_type",
          "type",
          "dyn");

  private final Set<String> variables;
  private final Set<String> fields = new LinkedHashSet<>();
  private final Set<FieldPath> paths = new LinkedHashSet<>();
  private final Deque<String> bound = new ArrayDeque<>();
  private boolean readsWholeRecord;
  private boolean readsMeta;

  private AstScan(Set<String> variables) {
    this.variables = variables;
  }

  /** True for identifiers CEL resolves to a type, such as {@code int}. */
  static boolean isTypeName(String name) {
    return TYPE_NAMES.contains(name);
  }

  static AstScan scan(CelExpr root, Set<String> variables) {
    AstScan s = new AstScan(variables);
    s.visit(root);
    return s;
  }

  /** Free identifiers that name top-level record fields, in order of appearance. */
  Set<String> fields() {
    return Collections.unmodifiableSet(fields);
  }

  /** The read paths, without paths that another read path already covers. */
  Set<FieldPath> reads() {
    Set<FieldPath> out = new LinkedHashSet<>();
    for (FieldPath p : paths) {
      boolean covered = false;
      for (FieldPath q : paths) {
        if (q != p && q.length() < p.length() && q.covers(p)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        out.add(p);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** True when {@code record} is used as a whole, so every field may be read. */
  boolean readsWholeRecord() {
    return readsWholeRecord;
  }

  boolean readsMeta() {
    return readsMeta;
  }

  private void visit(CelExpr e) {
    List<String> chain = chain(e);
    if (chain != null) {
      String head = chain.get(0);
      if (head.equals(CelEnv.RECORD)) {
        if (chain.size() == 1) {
          readsWholeRecord = true;
        } else {
          paths.add(FieldPath.of(chain.subList(1, chain.size()).toArray(new String[0])));
        }
      } else if (head.equals(CelEnv.META)) {
        readsMeta = true;
      } else if (!variables.contains(head) && !TYPE_NAMES.contains(head)) {
        fields.add(head);
        paths.add(FieldPath.of(chain.toArray(new String[0])));
      }
      return;
    }
    switch (e.getKind()) {
      case SELECT -> visit(e.select().operand());
      case CALL -> {
        e.call().target().ifPresent(this::visit);
        e.call().args().forEach(this::visit);
      }
      case LIST -> e.list().elements().forEach(this::visit);
      case MAP ->
          e.map()
              .entries()
              .forEach(
                  en -> {
                    visit(en.key());
                    visit(en.value());
                  });
      case STRUCT -> e.struct().entries().forEach(en -> visit(en.value()));
      case COMPREHENSION -> visitComprehension(e.comprehension());
      default -> {}
    }
  }

  private void visitComprehension(CelComprehension c) {
    visit(c.iterRange());
    visit(c.accuInit());
    bound.push(c.accuVar());
    visit(c.result());
    bound.push(c.iterVar());
    if (!c.iterVar2().isEmpty()) {
      bound.push(c.iterVar2());
    }
    visit(c.loopCondition());
    visit(c.loopStep());
    if (!c.iterVar2().isEmpty()) {
      bound.pop();
    }
    bound.pop();
    bound.pop();
  }

  /**
   * The segments of {@code e} when it is a static chain rooted at a free identifier: {@code a.b},
   * {@code a["b"]}, {@code a.?b}; otherwise null.
   */
  private List<String> chain(CelExpr e) {
    switch (e.getKind()) {
      case IDENT -> {
        String name = e.ident().name();
        if (bound.contains(name)) {
          return null;
        }
        List<String> l = new ArrayList<>();
        l.add(name);
        return l;
      }
      case SELECT -> {
        List<String> l = chain(e.select().operand());
        if (l != null) {
          l.add(e.select().field());
        }
        return l;
      }
      case CALL -> {
        String fn = e.call().function();
        if ((fn.equals("_[_]") || fn.equals("_?._") || fn.equals("_[?_]"))
            && e.call().target().isEmpty()
            && e.call().args().size() == 2) {
          CelExpr key = e.call().args().get(1);
          if (key.getKind() == CelExpr.ExprKind.Kind.CONSTANT
              && key.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            List<String> l = chain(e.call().args().get(0));
            if (l != null) {
              l.add(key.constant().stringValue());
            }
            return l;
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }
}

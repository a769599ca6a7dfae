package dev.flow.expr;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.flow.expr.ExpressionException.ExprError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one CEL environment every expression is compiled in, and its compile step. */
final class CelEnv {
  /** The variable holding the whole payload. */
  static final String RECORD = "record";

  /** The variable holding the record's metadata. */
  static final String META = "meta";

  /** The most iterations one comprehension (all, exists, map, filter, ...) may run. */
  static final int MAX_ITERATIONS = 10_000;

  private static final CelOptions OPTIONS =
      CelOptions.current()
          .enableHeterogeneousNumericComparisons(true)
          .comprehensionMaxIterations(MAX_ITERATIONS)
          .enableTimestampEpoch(true)
          .enableOptionalSyntax(true)
          .maxParseRecursionDepth(100)
          .build();

  private static final Cel CEL =
      CelFactory.plannerCelBuilder()
          .setOptions(OPTIONS)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addCompilerLibraries(
              CelExtensions.strings(),
              CelExtensions.optional(),
              CelExtensions.math(OPTIONS),
              CelExtensions.lists(),
              CelExtensions.bindings(),
              CelExtensions.encoders(OPTIONS))
          .addRuntimeLibraries(
              CelExtensions.strings(),
              CelExtensions.optional(),
              CelExtensions.math(OPTIONS),
              CelExtensions.lists(),
              CelExtensions.encoders(OPTIONS))
          .addVar(RECORD, MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar(META, MapType.create(SimpleType.STRING, SimpleType.DYN))
          .build();

  private static final Pattern OVERLOAD =
      Pattern.compile(
          "found no matching overload for '([^']+)' applied to '\\(([^)]*)\\)'.*", Pattern.DOTALL);

  private CelEnv() {}

  /** The result of compiling one expression. */
  record Compiled(
      CelAbstractSyntaxTree ast, CelRuntime.Program program, AstScan scan, FastCondition fast) {}

  /**
   * Parses and type-checks {@code source}. Free identifiers are declared as {@code dyn} record
   * fields; {@code variables} are extra names bound at evaluation time.
   */
  static Compiled compile(String source, Set<String> variables, boolean requireBool)
      throws ExpressionException {
    if (source == null || source.isBlank()) {
      throw new ExpressionException(List.of(new ExprError(1, 1, "the expression is empty")));
    }
    for (String v : variables) {
      if (v.equals(RECORD) || v.equals(META)) {
        throw new IllegalArgumentException("'" + v + "' is reserved and cannot be a variable");
      }
    }
    CelValidationResult parsed = CEL.parse(source);
    if (parsed.hasError()) {
      throw errors(parsed);
    }
    CelAbstractSyntaxTree ast = ast(parsed);
    AstScan scan = AstScan.scan(ast.getExpr(), variables);
    List<CelVarDecl> decls = new ArrayList<>();
    for (String name : variables) {
      decls.add(CelVarDecl.newVarDeclaration(name, SimpleType.DYN));
    }
    for (String name : scan.fields()) {
      decls.add(CelVarDecl.newVarDeclaration(name, SimpleType.DYN));
    }
    CelCompiler compiler = CEL.toCompilerBuilder().addVarDeclarations(decls).build();
    CelValidationResult checked = compiler.check(ast);
    if (checked.hasError()) {
      throw errors(checked);
    }
    CelAbstractSyntaxTree checkedAst = ast(checked);
    // Reads come from the checked tree, where namespaced calls such as lists.range() have lost
    // their pseudo-receiver.
    scan = AstScan.scan(checkedAst.getExpr(), variables);
    CelType type = checkedAst.getResultType();
    if (requireBool && type.kind() != CelKind.BOOL && type.kind() != CelKind.DYN) {
      throw new ExpressionException(
          List.of(
              new ExprError(
                  1,
                  1,
                  "a condition must be true or false, but this expression gives "
                      + typeName(type))));
    }
    try {
      FastCondition fast = requireBool ? FastCondition.of(checkedAst.getExpr(), variables) : null;
      return new Compiled(checkedAst, CEL.createProgram(checkedAst), scan, fast);
    } catch (CelEvaluationException e) {
      throw new ExpressionException(List.of(new ExprError(1, 1, e.getMessage())));
    }
  }

  private static CelAbstractSyntaxTree ast(CelValidationResult result) throws ExpressionException {
    try {
      return result.getAst();
    } catch (CelValidationException e) {
      throw errors(result);
    }
  }

  private static ExpressionException errors(CelValidationResult result) {
    List<ExprError> out = new ArrayList<>();
    for (CelIssue issue : result.getErrors()) {
      int line = Math.max(1, issue.getSourceLocation().getLine());
      int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
      out.add(new ExprError(line, column, message(issue.getMessage())));
    }
    return new ExpressionException(out);
  }

  /** Rewrites CEL's checker wording into plainer text. */
  static String message(String celMessage) {
    String m = celMessage.replace(" (in container '')", "");
    Matcher o = OVERLOAD.matcher(m);
    if (o.matches()) {
      String fn = Operators.display(o.group(1));
      String args = o.group(2);
      if (Operators.isArithmetic(o.group(1)) && args.contains("int") && args.contains("double")) {
        return "'"
            + fn
            + "' cannot combine "
            + args.replace(", ", " and ")
            + "; convert one side with double(x) or int(x)";
      }
      return (Operators.isOperator(o.group(1)) ? "operator '" : "function '")
          + fn
          + "' cannot be applied to ("
          + args
          + ")";
    }
    if (m.startsWith("undeclared reference to '")) {
      return "unknown function " + m.substring("undeclared reference to ".length());
    }
    return m;
  }

  static String typeName(CelType type) {
    return switch (type.kind()) {
      case INT -> "an int";
      case UINT -> "a uint";
      case DOUBLE -> "a double";
      case STRING -> "a string";
      case BYTES -> "bytes";
      case LIST -> "a list";
      case MAP -> "a map";
      case NULL_TYPE -> "null";
      case TIMESTAMP -> "a timestamp";
      case DURATION -> "a duration";
      default -> type.name();
    };
  }
}

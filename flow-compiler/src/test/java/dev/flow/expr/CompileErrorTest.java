package dev.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.expr.ExpressionException.ExprError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compile errors carry the line, column and plain message inside the expression. */
class CompileErrorTest {
  private static List<ExprError> errors(String source) {
    try {
      Expression.compile(source);
    } catch (ExpressionException e) {
      return e.errors();
    }
    throw new AssertionError("expected a compile error for: " + source);
  }

  @Test
  void syntaxErrorIsLocatedWithoutPrefixOrCaret() {
    assertThat(errors("amount +"))
        .containsExactly(
            new ExprError(
                1,
                9,
                "mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true',"
                    + " 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES,"
                    + " IDENTIFIER}"));
    assertThat(errors("amount > 10 &&& x").get(0).column()).isEqualTo(15);
  }

  @Test
  void errorOnSecondLine() {
    List<ExprError> e = errors("amount > 1 &&\n  country == 'DE' +");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).line()).isEqualTo(2);
    assertThat(e.get(0).column()).isEqualTo(20);
  }

  @Test
  void typeErrorsAreFoundAtCompileTime() {
    assertThat(errors("amount + 1 == 'x'"))
        .containsExactly(new ExprError(1, 12, "operator '==' cannot be applied to (int, string)"));
    assertThat(errors("[1, 2].map(x, x * 2.5)"))
        .containsExactly(
            new ExprError(
                1,
                17,
                "'*' cannot combine int and double; convert one side with double(x) or int(x)"));
    assertThat(errors("size(1)"))
        .containsExactly(new ExprError(1, 5, "function 'size' cannot be applied to (int)"));
  }

  @Test
  void unknownFunctionsAreErrorsButUnknownNamesAreFields() throws Exception {
    assertThat(errors("frobnicate(amount)"))
        .containsExactly(new ExprError(1, 11, "unknown function 'frobnicate'"));
    assertThat(errors("country.shout()"))
        .containsExactly(new ExprError(1, 14, "unknown function 'shout'"));
    assertThat(Expression.compile("anything_at_all.below.it > 3").reads())
        .extracting(Object::toString)
        .containsExactly("anything_at_all.below.it");
  }

  @Test
  void emptyExpression() {
    assertThat(errors("  ")).containsExactly(new ExprError(1, 1, "the expression is empty"));
  }

  @Test
  void exceptionMessageIsTheFirstError() {
    assertThatThrownBy(() -> Expression.compile("1 +"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("mismatched input '<EOF>'");
  }

  @Test
  void reservedVariableNamesAreRejected() {
    assertThatThrownBy(() -> Expression.compile("x", java.util.Set.of("record")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'record' is reserved and cannot be a variable");
  }
}

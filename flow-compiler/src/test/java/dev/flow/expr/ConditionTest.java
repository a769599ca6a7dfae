package dev.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.expr.ExpressionException.ExprError;
import dev.flow.record.FlowRecord;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Conditions: boolean type checks at compile and run time. */
class ConditionTest {
  private static final FlowRecord R =
      Records.of("{'amount': 150, 'country': 'DE', 'flag': true, 'label': 'x', 'n': null}");

  @Test
  void testsRecords() throws Exception {
    Condition c = Condition.compile("amount > 100 && country == 'DE'");
    assertThat(c.test(R)).isTrue();
    assertThat(c.test(Records.of("{'amount': 99.5, 'country': 'DE'}"))).isFalse();
    assertThat(c.test(Records.of("{'amount': 500, 'country': 'FR'}"))).isFalse();
    assertThat(c.reads()).extracting(Object::toString).containsExactly("amount", "country");
    assertThat(c.source()).isEqualTo("amount > 100 && country == 'DE'");
  }

  @Test
  void nonBooleanTypeIsACompileError() {
    assertThatThrownBy(() -> Condition.compile("amount + 1"))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new ExprError(
                            1,
                            1,
                            "a condition must be true or false, but this expression gives an int")));
    assertThatThrownBy(() -> Condition.compile("'text'"))
        .hasMessage("a condition must be true or false, but this expression gives a string");
    assertThatThrownBy(() -> Condition.compile("[amount]"))
        .hasMessage("a condition must be true or false, but this expression gives a list");
  }

  @Test
  void dynamicResultIsCheckedAtRunTime() throws Exception {
    assertThat(Condition.compile("flag").test(R)).isTrue();
    assertThatThrownBy(() -> Condition.compile("label").test(R))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "a condition must give true or false, but gave a string x (in expression \"label\")");
    assertThatThrownBy(() -> Condition.compile("n").test(R))
        .hasMessage("a condition must give true or false, but gave null (in expression \"n\")");
  }

  @Test
  void errorsAreAbsorbedByShortCircuitsAsInCel() throws Exception {
    assertThat(Condition.compile("has(record.missing) && missing > 1").test(R)).isFalse();
    assertThat(Condition.compile("missing > 1 || amount > 1").test(R)).isTrue();
    assertThatThrownBy(() -> Condition.compile("missing > 1 && amount > 1").test(R))
        .hasMessage(
            "no field 'missing' in the record (in expression \"missing > 1 && amount > 1\" at"
                + " column 1)");
  }

  @Test
  void variables() throws Exception {
    Condition c = Condition.compile("amount > limit", Set.of("limit"));
    assertThat(c.test(R, Map.of("limit", 100))).isTrue();
    assertThat(c.test(R, Map.of("limit", 200.5))).isFalse();
  }
}

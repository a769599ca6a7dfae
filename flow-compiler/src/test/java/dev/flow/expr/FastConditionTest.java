package dev.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.record.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The native evaluator of simple conditions must agree with CEL on every record. */
class FastConditionTest {
  private static final String[] VALUES = {
    "0",
    "-0.0",
    "0.0",
    "1",
    "-1",
    "100",
    "100.0",
    "100.5",
    "99.99",
    "1e2",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "123456789012345678901234567890",
    "1e300",
    "'DE'",
    "'de'",
    "''",
    "'D'",
    "'\\u00e9'",
    "'\\ud83d\\ude00'",
    "true",
    "false",
    "null",
    "[1]",
    "{'a': 1}",
    "[]",
    "{}"
  };

  private static final String[] CONDITIONS = {
    "x > 100",
    "x >= 100",
    "x < 100",
    "x <= 100",
    "x == 100",
    "x != 100",
    "x > 100.0",
    "x == 100.0",
    "x != 100.0",
    "x < -0.5",
    "x == 0",
    "x == 0.0",
    "x >= 0.0",
    "x == -0.0",
    "x > 0",
    "x < 0.0",
    "x == 9223372036854775807",
    "x > 9.3e18",
    "x < -9.3e18",
    "x == 'DE'",
    "x != 'DE'",
    "x < 'DE'",
    "x >= 'D'",
    "x > '\\u00e9'",
    "x == true",
    "x < true",
    "x >= false",
    "x == null",
    "x != null",
    "100 < x",
    "'DE' == x",
    "null == x",
    "x",
    "!x",
    "x > 1 && y == 'DE'",
    "x > 1 || y == 'DE'",
    "!(x > 1) && y != 'DE'",
    "has(record.x)",
    "has(record.x) && x > 1",
    "has(o.a)",
    "has(o.a) || x == 1",
    "o.a == 1",
    "o['a'] > 0.5",
    "record['x'] <= 1",
    "record.y == 'DE' || false",
    "true && x == 1",
    "x > 1 && missing == 2",
    "missing == 2 && x > 1",
    "missing == 2 || x > 1",
    "x > 1 || missing == 2",
    "has(missing.a)"
  };

  private static List<FlowRecord> records() {
    List<FlowRecord> out = new ArrayList<>();
    for (String x : VALUES) {
      for (String y : new String[] {"'DE'", "1", "null"}) {
        out.add(Records.of("{'x': " + x + ", 'y': " + y + ", 'o': {'a': " + x + "}}"));
      }
    }
    out.add(Records.of("{'y': 'DE', 'o': 5}"));
    out.add(Records.of("{'x': 5, 'o': null}"));
    out.add(Records.of("{}"));
    return out;
  }

  @Test
  void agreesWithCelOnEveryRecord() throws Exception {
    int definite = 0;
    int checks = 0;
    for (String source : CONDITIONS) {
      Condition c = Condition.compile(source);
      assertThat(c.hasFastPath()).as(source).isTrue();
      FastCondition fast = c.expressionForTest().fastCondition();
      for (FlowRecord r : records()) {
        int f = fast.test(r);
        Boolean cel;
        try {
          cel = c.testWithCel(r, Map.of());
        } catch (EvaluationException e) {
          cel = null;
        }
        checks++;
        if (f != FastCondition.UNKNOWN) {
          definite++;
          assertThat(cel).as(source + " on " + r.toJson()).isEqualTo(f == FastCondition.TRUE);
        }
        if (cel == null) {
          assertThat(f).as(source + " on " + r.toJson()).isEqualTo(FastCondition.UNKNOWN);
        }
        // The public test() gives CEL's answer, through whichever path.
        if (cel != null) {
          assertThat(c.test(r)).isEqualTo(cel);
        }
      }
    }
    assertThat(checks).isGreaterThan(4000);
    assertThat(definite).isGreaterThan(checks / 3);
  }

  @Test
  void complexConditionsUseCel() throws Exception {
    assertThat(Condition.compile("x.size() > 1").hasFastPath()).isFalse();
    assertThat(Condition.compile("x + 1 > 2").hasFastPath()).isFalse();
    assertThat(Condition.compile("meta.key == 'a'").hasFastPath()).isFalse();
    assertThat(Condition.compile("x > limit", java.util.Set.of("limit")).hasFastPath()).isFalse();
    assertThat(Condition.compile("[1].exists(v, v == x)").hasFastPath()).isFalse();
    assertThat(Condition.compile("amount > 100 && country == 'DE'").hasFastPath()).isTrue();
  }

  @Test
  void errorsStillComeFromCel() throws Exception {
    Condition c = Condition.compile("amount > 100");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.test(Records.of("{'a': 1}")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("no field 'amount' in the record (in expression \"amount > 100\" at column 1)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.test(Records.of("{'amount': 'x'}")))
        .hasMessage(
            "'>' cannot be applied to these values: their types do not match (in expression"
                + " \"amount > 100\" at column 8)");
  }
}

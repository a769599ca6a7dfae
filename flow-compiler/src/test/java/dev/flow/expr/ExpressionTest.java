package dev.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.record.FlowRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluation of expressions: fields, functions, value conversion, missing fields, meta and
 * variables.
 */
class ExpressionTest {
  private static final FlowRecord ORDER =
      Records.of(
          "{'amount': 150.5, 'qty': 3, 'price': 2.5, 'country': 'DE', 'first-name': 'Bo',"
              + " 'customer': {'name': 'Ann', 'address': {'city': 'Berlin'}},"
              + " 'tags': ['a', 'b'], 'nothing': null, 'vip': true}");

  private static Object eval(String source, FlowRecord record) throws ExpressionException {
    return Expression.compile(source).evaluate(record);
  }

  @Test
  void topLevelFieldsAreVariables() throws Exception {
    assertThat(eval("amount > 100 && country == 'DE'", ORDER)).isEqualTo(true);
    assertThat(eval("qty * 2", ORDER)).isEqualTo(6L);
    assertThat(eval("price * double(qty)", ORDER)).isEqualTo(7.5);
    assertThat(eval("customer.address.city", ORDER)).isEqualTo("Berlin");
    assertThat(eval("vip && tags.size() == 2", ORDER)).isEqualTo(true);
  }

  @Test
  void recordAndIndexReachOddFieldNames() throws Exception {
    assertThat(eval("record['first-name']", ORDER)).isEqualTo("Bo");
    assertThat(eval("record.country + '-' + record['first-name']", ORDER)).isEqualTo("DE-Bo");
    assertThat(eval("customer['address']['city']", ORDER)).isEqualTo("Berlin");
  }

  @Test
  void numbersCompareAcrossIntAndDouble() throws Exception {
    assertThat(eval("qty > 2.5", ORDER)).isEqualTo(true);
    assertThat(eval("amount > 150", ORDER)).isEqualTo(true);
    assertThat(eval("qty == 3.0", ORDER)).isEqualTo(true);
  }

  @Test
  void stringExtensionAndStandardFunctions() throws Exception {
    assertThat(eval("country.lowerAscii() + customer.name.upperAscii()", ORDER)).isEqualTo("deANN");
    assertThat(eval("'a,b,c'.split(',')", ORDER)).isEqualTo(List.of("a", "b", "c"));
    assertThat(eval("'  x '.trim() + 'hello'.substring(1, 3)", ORDER)).isEqualTo("xel");
    assertThat(eval("tags.join('|')", ORDER)).isEqualTo("a|b");
    assertThat(eval("'x-y'.replace('-', '+') + string('abc'.indexOf('c'))", ORDER))
        .isEqualTo("x+y2");
    assertThat(eval("customer.name.matches('^A.*') && 'abc'.startsWith('ab')", ORDER))
        .isEqualTo(true);
    assertThat(eval("tags.map(t, t.upperAscii())", ORDER)).isEqualTo(List.of("A", "B"));
    assertThat(eval("tags.exists(t, t == 'b') && tags.all(t, size(t) == 1)", ORDER))
        .isEqualTo(true);
    assertThat(eval("math.greatest(qty, 7)", ORDER)).isEqualTo(7L);
    assertThat(eval("record.?missing.orValue(5)", ORDER)).isEqualTo(5L);
    assertThat(eval("cel.bind(d, qty * 2, d + d)", ORDER)).isEqualTo(12L);
  }

  @Test
  void timestampsAndDurations() throws Exception {
    FlowRecord r = Records.of("{'at': '2024-05-01T12:30:00Z', 'epoch': 1714566600}");
    assertThat(eval("timestamp(at).getHours()", r)).isEqualTo(12L);
    assertThat(eval("timestamp(at) + duration('1h')", r)).isEqualTo("2024-05-01T13:30:00Z");
    assertThat(eval("timestamp(epoch) == timestamp(at)", r)).isEqualTo(true);
    assertThat(eval("duration('90s')", r)).isEqualTo("90s");
    assertThat(eval("timestamp(at) - timestamp('2024-05-01T12:00:00Z')", r)).isEqualTo("1800s");
  }

  @Test
  void jsonValuesConvertToCelValues() throws Exception {
    FlowRecord r =
        Records.of(
            "{'i': 42, 'neg': -7, 'big': 123456789012345678901234567890, 'f': 1.25,"
                + " 'e': 1e3, 's': 'text', 't': true, 'n': null, 'a': [1, 'x', null, [2]],"
                + " 'o': {'k': 1, 'nested': {'z': false}}, 'max': 9223372036854775807}");
    assertThat(eval("i", r)).isEqualTo(42L);
    assertThat(eval("type(i) == int", r)).isEqualTo(true);
    assertThat(eval("neg", r)).isEqualTo(-7L);
    assertThat(eval("big", r)).isEqualTo(1.2345678901234568E29);
    assertThat(eval("type(big) == double", r)).isEqualTo(true);
    assertThat(eval("max", r)).isEqualTo(Long.MAX_VALUE);
    assertThat(eval("f", r)).isEqualTo(1.25);
    assertThat(eval("e", r)).isEqualTo(1000.0);
    assertThat(eval("type(e) == double", r)).isEqualTo(true);
    assertThat(eval("s", r)).isEqualTo("text");
    assertThat(eval("t", r)).isEqualTo(true);
    assertThat(eval("n", r)).isNull();
    assertThat(eval("n == null", r)).isEqualTo(true);
    assertThat(eval("a", r)).isEqualTo(java.util.Arrays.asList(1L, "x", null, List.of(2L)));
    assertThat(eval("a[3][0] + 1", r)).isEqualTo(3L);
    assertThat(eval("o", r)).isEqualTo(Map.of("k", 1L, "nested", Map.of("z", false)));
    assertThat(eval("o.nested.z || o.k == 1", r)).isEqualTo(true);
    assertThat(eval("{'x': [i, f]}", r)).isEqualTo(Map.of("x", List.of(42L, 1.25)));
    assertThat(eval("{1: 'one'}", r)).isEqualTo(Map.of("1", "one"));
    assertThat(eval("b'ab'", r)).isEqualTo("YWI=");
    assertThat(eval("3u", r)).isEqualTo(3L);
  }

  @Test
  void evaluateJsonGivesJsonNodes() throws Exception {
    assertThat(Expression.compile("customer").evaluateJson(ORDER).toString())
        .isEqualTo("{\"name\":\"Ann\",\"address\":{\"city\":\"Berlin\"}}");
    assertThat(Expression.compile("[qty, price, 'x', nothing, vip]").evaluateJson(ORDER).toString())
        .isEqualTo("[3,2.5,\"x\",null,true]");
    assertThat(Expression.compile("qty").evaluateJson(ORDER).isIntegralNumber()).isTrue();
    assertThat(Expression.compile("9223372036854775807").evaluateJson(ORDER).longValue())
        .isEqualTo(Long.MAX_VALUE);
    assertThat(Expression.compile("nothing").evaluateJson(ORDER).isNull()).isTrue();
    assertThat(Expression.compile("record").evaluateJson(ORDER)).isEqualTo(ORDER.asObjectNode());
    assertThatThrownBy(() -> Expression.compile("price / 0.0").evaluateJson(ORDER))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "the result is Infinity, which JSON cannot hold (in expression \"price / 0.0\")");
  }

  @Test
  void missingTopLevelFieldIsAnError() {
    assertThatThrownBy(() -> eval("amount > 10", Records.of("{'other': 1}")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("no field 'amount' in the record (in expression \"amount > 10\" at column 1)");
  }

  @Test
  void missingNestedFieldNamesItsPath() {
    assertThatThrownBy(() -> eval("customer.address.zip == '1'", ORDER))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "no field 'customer.address.zip' in the record; test for it with"
                + " has(customer.address.zip) or read it with"
                + " customer.address.?zip.orValue(default)"
                + " (in expression \"customer.address.zip == '1'\" at column 17)");
    assertThatThrownBy(() -> eval("record['no-such']", ORDER))
        .hasMessage(
            "no field 'no-such' in the record; test for it with \"no-such\" in record or read"
                + " it with record[?\"no-such\"].orValue(default)"
                + " (in expression \"record['no-such']\" at column 7)");
  }

  @Test
  void hasTestsOptionalFields() throws Exception {
    assertThat(eval("has(customer.address)", ORDER)).isEqualTo(true);
    assertThat(eval("has(customer.zip)", ORDER)).isEqualTo(false);
    assertThat(eval("has(customer.address.city)", ORDER)).isEqualTo(true);
    assertThat(eval("has(record.amount)", ORDER)).isEqualTo(true);
    assertThat(eval("has(record.discount)", ORDER)).isEqualTo(false);
    assertThat(eval("has(record.discount) && discount > 1", ORDER)).isEqualTo(false);
    assertThat(eval("'first-name' in record", ORDER)).isEqualTo(true);
    assertThat(eval("has(record.nothing)", ORDER)).isEqualTo(true);
  }

  @Test
  void metaHoldsRunTimesAndSourceMetadata() throws Exception {
    FlowRecord r = Records.of("{'x': 1}");
    r.runId("run-7").triggerTime(1_714_566_600_000L);
    r.meta(FlowRecord.metaOf(Map.of("key", "k1", "topic", "orders", "partition", 2)));
    assertThat(eval("meta.runId", r)).isEqualTo("run-7");
    assertThat(eval("meta.triggerTime", r)).isEqualTo(1_714_566_600_000L);
    assertThat(eval("meta.key + '@' + meta.topic", r)).isEqualTo("k1@orders");
    assertThat(eval("meta.partition + 1", r)).isEqualTo(3L);
    assertThat(eval("has(meta.eventTime)", r)).isEqualTo(false);
    assertThat(eval("timestamp(meta.triggerTime / 1000)", r)).isEqualTo("2024-05-01T12:30:00Z");
    r.eventTime(5L);
    assertThat(eval("meta.eventTime", r)).isEqualTo(5L);
    assertThatThrownBy(() -> eval("meta.offset", r))
        .hasMessage(
            "no field 'offset' in meta; test for it with has(meta.offset) or read it with"
                + " meta.?offset.orValue(default) (in expression \"meta.offset\" at column 5)");
  }

  @Test
  void extraVariablesAreBoundAtEvaluation() throws Exception {
    Expression e =
        Expression.compile("item.price * double(qty) + bonus", java.util.Set.of("item", "bonus"));
    assertThat(e.variables()).containsExactlyInAnyOrder("item", "bonus");
    assertThat(e.reads()).extracting(Object::toString).containsExactly("qty");
    Object v =
        e.evaluate(
            ORDER,
            Map.of("item", dev.flow.record.Json.MAPPER.readTree("{\"price\": 2.0}"), "bonus", 1.5));
    assertThat(v).isEqualTo(7.5);
    assertThat(e.evaluate(ORDER, Map.of("item", Map.of("price", 1.0), "bonus", 0.0)))
        .isEqualTo(3.0);
    assertThatThrownBy(() -> e.evaluate(ORDER, Map.of("item", Map.of("price", 1), "bonus", 0.0)))
        .isInstanceOf(EvaluationException.class);
    assertThatThrownBy(() -> e.evaluate(ORDER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value given for variable 'bonus'");
  }

  @Test
  void variableShadowsFieldOfTheSameName() throws Exception {
    Expression e = Expression.compile("qty", java.util.Set.of("qty"));
    assertThat(e.evaluate(ORDER, Map.of("qty", 10))).isEqualTo(10L);
    assertThat(e.reads()).isEmpty();
  }

  @Test
  void runtimeTypeErrorsExplainTheFix() {
    assertThatThrownBy(() -> eval("price * qty", ORDER))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "'*' cannot be applied to these values: they must have the same type (convert with"
                + " int(x), double(x) or string(x)) (in expression \"price * qty\" at column 7)");
    // An int and a text: no claim about doubles.
    assertThatThrownBy(() -> eval("qty + 'x'", ORDER))
        .hasMessage(
            "'+' cannot be applied to these values: they must have the same type (convert with"
                + " int(x), double(x) or string(x)) (in expression \"qty + 'x'\" at column 5)");
    assertThatThrownBy(() -> eval("country < 1", ORDER))
        .hasMessage(
            "'<' cannot be applied to these values: their types do not match (in expression"
                + " \"country < 1\" at column 9)");
    assertThatThrownBy(() -> eval("qty / 0", ORDER))
        .hasMessage("division by zero (in expression \"qty / 0\" at column 5)");
    assertThatThrownBy(() -> eval("qty % 0", ORDER))
        .hasMessage("division by zero (in expression \"qty % 0\" at column 5)");
    assertThatThrownBy(() -> eval("9223372036854775807 + qty", ORDER))
        .hasMessage(
            "integer overflow: long overflow (in expression \"9223372036854775807 + qty\" at"
                + " column 21)");
    assertThatThrownBy(() -> eval("tags[5]", ORDER))
        .hasMessage("list index out of range: 5 (in expression \"tags[5]\" at column 5)");
    assertThatThrownBy(() -> eval("customer.name.first", ORDER))
        .hasMessage(
            "cannot read field 'first' of a value that is not an object (in expression"
                + " \"customer.name.first\" at column 14)");
    assertThatThrownBy(() -> eval("{'a': 1}[country]", ORDER))
        .hasMessage("no key 'DE' in the map (in expression \"{'a': 1}[country]\" at column 9)");
  }

  @Test
  void errorsOnLaterLinesGiveLineAndColumn() {
    assertThatThrownBy(() -> eval("qty +\n  qty / 0", ORDER))
        .hasMessage("division by zero (in expression \"qty +\n  qty / 0\" at line 2, column 7)");
  }

  @Test
  void comprehensionsAreBounded() {
    assertThatThrownBy(() -> eval("lists.range(20000).map(x, x).size()", ORDER))
        .hasMessage(
            "too many iterations: the limit is 10000 per comprehension (all, exists, map,"
                + " filter) (in expression \"lists.range(20000).map(x, x).size()\" at column 23)");
  }
}

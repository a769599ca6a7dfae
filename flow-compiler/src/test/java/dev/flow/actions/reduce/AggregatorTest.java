package dev.flow.actions.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every aggregate function, added to and merged, gives the exact output values. */
class AggregatorTest {

  private static final Map<String, String> ALL =
      new java.util.LinkedHashMap<>(
          Map.of(
              "n", "count",
              "withAmount", "count(amount)",
              "total", "sum(amount)",
              "low", "min(amount)",
              "high", "max(name)",
              "mean", "avg(amount)",
              "firstName", "first(name)",
              "lastName", "last(name)",
              "names", "collectList(name)",
              "uniqueNames", "collectSet(name)"));

  static {
    ALL.put("buyers", "distinctCount(name)");
  }

  private static List<AggregateSpec> specs() {
    List<AggregateSpec> s = new ArrayList<>();
    ALL.forEach((k, v) -> s.add(AggregateSpec.parse(k, v)));
    return s;
  }

  private static FlowRecord prepared(List<AggregateSpec> specs, String json) throws Exception {
    FlowRecord r = FlowRecord.of((ObjectNode) Json.MAPPER.readTree(json));
    ObjectNode p = Json.NODES.objectNode();
    var v = p.putArray("v");
    for (AggregateSpec s : specs) {
      var x = s.valueOf(r);
      Accumulators.check(s, x);
      v.add(x == null ? Json.NODES.nullNode() : x);
    }
    return FlowRecord.of(p);
  }

  @Test
  void addsEveryFunction() throws Exception {
    List<AggregateSpec> specs = specs();
    Aggregator agg = new Aggregator(specs);
    FlowRecord acc = agg.createAccumulator();
    for (String r :
        List.of(
            "{\"amount\": 5, \"name\": \"bo\"}",
            "{\"amount\": 2.5, \"name\": \"al\"}",
            "{\"amount\": null, \"name\": \"bo\"}",
            "{\"amount\": 10, \"name\": \"cy\"}")) {
      acc = agg.add(prepared(specs, r), acc);
    }
    ObjectNode out = agg.getResult(acc).asObjectNode();
    assertThat(out.size()).isEqualTo(11);
    assertThat(out.toString())
        .isEqualTo(
            reorder(
                "{\"n\":4,\"withAmount\":3,\"total\":17.5,\"low\":2.5,\"high\":\"cy\","
                    + "\"mean\":5.833333333333333,\"firstName\":\"bo\",\"lastName\":\"cy\","
                    + "\"names\":[\"bo\",\"al\",\"bo\",\"cy\"],\"uniqueNames\":[\"bo\",\"al\",\"cy\"],"
                    + "\"buyers\":3}",
                out));
  }

  @Test
  void maxByAndMinByKeepTheValuesOfTheBestRecordsTiesIncluded() throws Exception {
    List<AggregateSpec> specs =
        List.of(
            AggregateSpec.parse("top", "maxBy(amount, name)"),
            AggregateSpec.parse("bottom", "minBy(amount, {'n': name, 'a': amount})"));
    Aggregator agg = new Aggregator(specs);
    FlowRecord a = agg.createAccumulator();
    for (String r :
        List.of(
            "{\"amount\": 5, \"name\": \"bo\"}",
            "{\"amount\": 10, \"name\": \"al\"}",
            "{\"amount\": null, \"name\": \"zed\"}",
            "{\"amount\": 2, \"name\": \"cy\"}")) {
      a = agg.add(prepared(specs, r), a);
    }
    FlowRecord b = agg.createAccumulator();
    for (String r :
        List.of("{\"amount\": 10.0, \"name\": \"di\"}", "{\"amount\": 7, \"name\": \"ed\"}")) {
      b = agg.add(prepared(specs, r), b);
    }
    assertThat(agg.getResult(agg.merge(a, b)).asObjectNode().toString())
        .isEqualTo("{\"top\":[\"al\",\"di\"],\"bottom\":[{\"n\":\"cy\",\"a\":2}]}");
    assertThat(agg.getResult(agg.createAccumulator()).asObjectNode().toString())
        .isEqualTo("{\"top\":[],\"bottom\":[]}");
    assertThatThrownBy(() -> AggregateSpec.parse("top", "maxBy(amount)"))
        .hasMessage(
            "aggregate 'top': maxBy needs two expressions, what to compare and what to keep, e.g."
                + " maxBy(price, auction)");
  }

  /** The expected JSON in the output's field order (the specs' map order). */
  private static String reorder(String expected, ObjectNode out) {
    try {
      ObjectNode e = (ObjectNode) Json.MAPPER.readTree(expected);
      ObjectNode ordered = Json.NODES.objectNode();
      out.fieldNames().forEachRemaining(f -> ordered.set(f, e.get(f)));
      return ordered.toString();
    } catch (Exception x) {
      throw new IllegalStateException(x);
    }
  }

  @Test
  void mergesSessionAccumulators() throws Exception {
    List<AggregateSpec> specs = specs();
    Aggregator agg = new Aggregator(specs);
    FlowRecord a =
        agg.add(prepared(specs, "{\"amount\": 1, \"name\": \"x\"}"), agg.createAccumulator());
    FlowRecord b =
        agg.add(prepared(specs, "{\"amount\": 3, \"name\": \"y\"}"), agg.createAccumulator());
    b = agg.add(prepared(specs, "{\"amount\": 2, \"name\": \"x\"}"), b);
    ObjectNode out = agg.getResult(agg.merge(a, b)).asObjectNode();
    assertThat(out.get("n").asLong()).isEqualTo(3);
    assertThat(out.get("total").asLong()).isEqualTo(6);
    assertThat(out.get("low").asLong()).isEqualTo(1);
    assertThat(out.get("high").asText()).isEqualTo("y");
    assertThat(out.get("mean").asDouble()).isEqualTo(2.0);
    assertThat(out.get("firstName").asText()).isEqualTo("x");
    assertThat(out.get("lastName").asText()).isEqualTo("x");
    assertThat(out.get("names").toString()).isEqualTo("[\"x\",\"y\",\"x\"]");
    assertThat(out.get("uniqueNames").toString()).isEqualTo("[\"x\",\"y\"]");
    assertThat(out.get("buyers").asLong()).isEqualTo(2);
  }

  @Test
  void sumOfTextFailsTheRecordWithAMessage() {
    List<AggregateSpec> specs = List.of(AggregateSpec.parse("total", "sum(amount)"));
    assertThatThrownBy(() -> prepared(specs, "{\"amount\": \"ten\"}"))
        .hasMessage("aggregate 'total': sum needs numbers, but 'amount' gave \"ten\"");
  }
}

package dev.flow.actions.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.actions.testing.RecordedProblems;
import dev.flow.actions.testing.StageProblems;
import dev.flow.actions.testing.TestOptions;
import dev.flow.record.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  private static final long NOW = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  private static RecordGenerator generator(String props) throws Exception {
    GeneratorOptions o = TestOptions.of(GeneratorOptions.class, props);
    RecordGenerator g = new RecordGenerator(o.fields(), o.seed());
    return InstantiationUtil.clone(g, GeneratorTest.class.getClassLoader());
  }

  private static List<String> records(RecordGenerator g, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(g.generate(i, NOW).toJson());
    }
    return out;
  }

  @Test
  void sequencesConstantsAndTimes() throws Exception {
    RecordGenerator g =
        generator(
            "{fields: {id: seq, n: 'seq(100,10)', at: now, ms: millis, kind: 'const(demo)',"
                + " v: 2, flag: true, o: {k: [1]}, x.y: 'seq(5)'}}");
    assertThat(records(g, 2))
        .containsExactly(
            "{\"id\":0,\"n\":100,\"at\":\"2026-01-01T00:00:00Z\",\"ms\":1767225600000,"
                + "\"kind\":\"demo\",\"v\":2,\"flag\":true,\"o\":{\"k\":[1]},\"x\":{\"y\":5}}",
            "{\"id\":1,\"n\":110,\"at\":\"2026-01-01T00:00:00Z\",\"ms\":1767225600000,"
                + "\"kind\":\"demo\",\"v\":2,\"flag\":true,\"o\":{\"k\":[1]},\"x\":{\"y\":6}}");
  }

  @Test
  void sameSeedSameRecordsWhateverTheOrderOfGeneration() throws Exception {
    String props =
        "{seed: 42, fields: {a: 'int(1,6)', b: 'double(0,1,2)', c: 'choice(x,y,z)', d: uuid,"
            + " e: 'string(8)', f: bool}}";
    RecordGenerator one = generator(props);
    RecordGenerator two = generator(props);
    String fifth = two.generate(5, NOW).toJson();
    assertThat(records(one, 6).get(5)).isEqualTo(fifth);
    assertThat(records(one, 6)).isEqualTo(records(two, 6));
    assertThat(records(generator(props.replace("42", "43")), 6)).isNotEqualTo(records(one, 6));
  }

  @Test
  void randomValuesStayInTheirRanges() throws Exception {
    RecordGenerator g =
        generator(
            "{fields: {i: 'int(-2,2)', d: 'double(1.5,2.5,1)', c: 'choice(1, 2.5, true, \"q\", ab)',"
                + " s: 'string(5)', u: uuid}}");
    java.util.Set<String> choices = new java.util.HashSet<>();
    java.util.Set<Long> ints = new java.util.HashSet<>();
    for (int i = 0; i < 500; i++) {
      FlowRecord r = g.generate(i, NOW);
      ints.add(r.get("i").asLong());
      double d = r.get("d").asDouble();
      assertThat(d).isBetween(1.5, 2.5);
      assertThat(r.get("d").decimalValue().scale()).isEqualTo(1);
      choices.add(r.get("c").toString());
      assertThat(r.get("s").asText()).matches("[A-Za-z0-9]{5}");
      assertThat(r.get("u").asText())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
    assertThat(ints).containsExactlyInAnyOrder(-2L, -1L, 0L, 1L, 2L);
    assertThat(choices).containsExactlyInAnyOrder("1", "2.5", "true", "\"q\"", "\"ab\"");
  }

  @Test
  void badSpecsAreNamedWithTheirField() {
    assertThatThrownBy(() -> generator("{fields: {a: 'int(5)'}}"))
        .hasMessage("field 'a': 'int(5)' takes 2 arguments, not 1");
    assertThatThrownBy(() -> generator("{fields: {a: 'int(9,1)'}}"))
        .hasMessage("field 'a': 'int(9,1)': min must not be greater than max");
    assertThatThrownBy(() -> generator("{fields: {a: 'int(x,1)'}}"))
        .hasMessage("field 'a': 'int(x,1)': 'x' is not a whole number");
    assertThatThrownBy(() -> generator("{fields: {a: 'double(1,1)'}}"))
        .hasMessage("field 'a': 'double(1,1)': min must be less than max");
    assertThatThrownBy(() -> generator("{fields: {a: 'choice()'}}"))
        .hasMessage("field 'a': 'choice()' needs at least one value to choose");
    assertThatThrownBy(() -> generator("{fields: {a: 'seq(1,2,3)'}}"))
        .hasMessage("field 'a': 'seq(1,2,3)' takes 0 to 2 arguments, not 3");
    assertThatThrownBy(() -> generator("{fields: {b: hello}}"))
        .hasMessage(
            "field 'b': unknown generator 'hello'; use one of "
                + GeneratorSpecs.KNOWN
                + ", or a non-text constant");
  }

  @Test
  void aBadGeneratorIsReportedAtItsField() {
    RecordedProblems problems = new RecordedProblems();
    new GeneratorTriggerFactory()
        .validate(TestOptions.of(GeneratorOptions.class, "{fields: {a: 'uuid(1)'}}"), problems);
    assertThat(problems.lines())
        .containsExactly("error fields.a: field 'a': 'uuid(1)' takes 0 arguments, not 1");
  }

  @Test
  void badPathsRatesAndCountsAreReportedAtTheirValues() {
    assertThat(
            StageProblems.ofTrigger(
                "Generator", "fields: {a..b: seq, ok: seq}\nrate: -1\ncount: -5"))
        .containsExactly(
            "f.yaml:10:16: error: stage \"s\" (Generator): prop 'fields': field path 'a..b' has"
                + " an empty segment",
            "f.yaml:11:13: error: stage \"s\" (Generator): prop 'rate' must be 0 or more, found"
                + " -1.0",
            "f.yaml:12:14: error: stage \"s\" (Generator): prop 'count' must be 0 or more, found"
                + " -5");
  }

  @Test
  void boundedOnlyWithACount() {
    GeneratorTriggerFactory f = new GeneratorTriggerFactory();
    assertThat(f.isBounded(TestOptions.of(GeneratorOptions.class, "{fields: {a: seq}}"))).isFalse();
    assertThat(f.isBounded(TestOptions.of(GeneratorOptions.class, "{fields: {a: seq}, count: 3}")))
        .isTrue();
  }

  @Test
  void defaultsAreTenPerSecondWithoutEndAndSeedZero() {
    GeneratorOptions o = TestOptions.of(GeneratorOptions.class, "{fields: {a: seq}}");
    assertThat(o.rate()).isEqualTo(10.0);
    assertThat(o.count()).isZero();
    assertThat(o.seed()).isZero();
  }
}

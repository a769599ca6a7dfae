package dev.flow.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordDiffTest {

  private static List<JsonNode> json(String... records) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String r : records) {
      out.add(Json.MAPPER.readTree(r));
    }
    return out;
  }

  @Test
  void equalRecordsInAnotherOrderMatchAndNumbersCompareByValue() throws Exception {
    assertThat(
            RecordDiff.diff(
                json("{\"a\":1,\"b\":2.50}", "{\"a\":2}"),
                json("{\"a\":2.0}", "{\"b\":2.5,\"a\":1}"),
                false))
        .isEmpty();
  }

  @Test
  void orderMattersOnlyWhenAskedFor() throws Exception {
    assertThat(
            RecordDiff.diff(json("{\"a\":1}", "{\"a\":2}"), json("{\"a\":2}", "{\"a\":1}"), true))
        .containsExactly(
            "changed:    {\"a\":1} (record 1)",
            "    a: expected 1, got 2",
            "changed:    {\"a\":2} (record 2)",
            "    a: expected 2, got 1");
  }

  @Test
  void missingUnexpectedAndChangedFieldsAreNamed() throws Exception {
    List<String> diff =
        RecordDiff.diff(
            json(
                "{\"id\":1,\"k\":\"a\",\"n\":{\"x\":1,\"y\":2},\"c\":\"DE\"}",
                "{\"id\":9,\"name\":\"Zed\",\"q\":0}"),
            json("{\"id\":1,\"k\":\"a\",\"n\":{\"x\":1,\"y\":3},\"extra\":true}", "{\"id\":7}"),
            false);
    assertThat(diff)
        .containsExactly(
            "missing:    {\"id\":9,\"name\":\"Zed\",\"q\":0}",
            "unexpected: {\"id\":7}",
            "changed:    {\"id\":1,\"k\":\"a\",\"n\":{\"x\":1,\"y\":2},\"c\":\"DE\"}",
            "    n.y: expected 2, got 3",
            "    c: missing (expected \"DE\")",
            "    extra: unexpected (got true)");
  }

  @Test
  void anEmptyExpectationFailsOnAnyRecord() throws Exception {
    assertThat(RecordDiff.diff(List.of(), json("{\"a\":1}"), false))
        .containsExactly("unexpected: {\"a\":1}");
  }
}

package dev.flow.actions.explode;

import static dev.flow.actions.testing.Processors.run;
import static dev.flow.actions.testing.Processors.runRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.actions.testing.StageProblems;
import dev.flow.actions.testing.TestOptions;
import dev.flow.record.FlowRecord;
import dev.flow.spi.RecordProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplodeTest {
  private static final String ORDER =
      "{\"id\":1,\"items\":[{\"sku\":\"a\",\"qty\":2},{\"sku\":\"b\",\"qty\":1}],\"country\":\"DE\"}";

  private static RecordProcessor explode(String props) {
    return new ExplodeTransformFactory()
        .createProcessor(TestOptions.of(ExplodeOptions.class, props), null);
  }

  @Test
  void putsEachElementWhereTheArrayWas() throws Exception {
    assertThat(run(explode("{field: items}"), ORDER))
        .containsExactly(
            "{\"id\":1,\"country\":\"DE\",\"items\":{\"sku\":\"a\",\"qty\":2}}",
            "{\"id\":1,\"country\":\"DE\",\"items\":{\"sku\":\"b\",\"qty\":1}}");
  }

  @Test
  void putsEachElementAtAs() throws Exception {
    assertThat(run(explode("{field: items, as: line.item}"), ORDER))
        .containsExactly(
            "{\"id\":1,\"country\":\"DE\",\"line\":{\"item\":{\"sku\":\"a\",\"qty\":2}}}",
            "{\"id\":1,\"country\":\"DE\",\"line\":{\"item\":{\"sku\":\"b\",\"qty\":1}}}");
  }

  @Test
  void flattenMergesObjectElementsIntoTheTopLevel() throws Exception {
    assertThat(run(explode("{field: items, flatten: true, indexField: n}"), ORDER))
        .containsExactly(
            "{\"id\":1,\"country\":\"DE\",\"sku\":\"a\",\"qty\":2,\"n\":0}",
            "{\"id\":1,\"country\":\"DE\",\"sku\":\"b\",\"qty\":1,\"n\":1}");
  }

  @Test
  void flattenPutsScalarElementsAtAs() throws Exception {
    assertThat(
            run(explode("{field: tags, as: tag, flatten: true}"), "{\"tags\":[\"x\",{\"y\":1}]}"))
        .containsExactly("{\"tag\":\"x\"}", "{\"y\":1}");
  }

  @Test
  void withoutParentTheRecordHoldsOnlyTheElement() throws Exception {
    assertThat(run(explode("{field: items, keepParent: false, flatten: true}"), ORDER))
        .containsExactly("{\"sku\":\"a\",\"qty\":2}", "{\"sku\":\"b\",\"qty\":1}");
    assertThat(
            run(explode("{field: a.b, keepParent: false, indexField: i}"), "{\"a\":{\"b\":[5,6]}}"))
        .containsExactly("{\"a\":{\"b\":5},\"i\":0}", "{\"a\":{\"b\":6},\"i\":1}");
  }

  @Test
  void nestedArrayLeavesItsParentObject() throws Exception {
    assertThat(run(explode("{field: o.tags, as: tag}"), "{\"o\":{\"tags\":[1,2],\"k\":0}}"))
        .containsExactly("{\"o\":{\"k\":0},\"tag\":1}", "{\"o\":{\"k\":0},\"tag\":2}");
  }

  @Test
  void missingNullOrEmptyArraysEmitNothing() throws Exception {
    RecordProcessor p = explode("{field: items}");
    assertThat(run(p, "{\"id\":1}", "{\"items\":null}", "{\"items\":[]}")).isEmpty();
  }

  @Test
  void aValueThatIsNotAnArrayIsAnError() {
    assertThatThrownBy(() -> run(explode("{field: items}"), "{\"items\":{\"a\":1}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'items' is object, not an array");
    assertThatThrownBy(() -> run(explode("{field: items}"), "{\"items\":\"abc\"}"))
        .hasMessage("field 'items' is string, not an array");
  }

  @Test
  void outputsKeepTheRunAndTimesAndDoNotShareState() throws Exception {
    List<FlowRecord> out = runRecords(explode("{field: items}"), ORDER);
    assertThat(out).hasSize(2);
    for (FlowRecord r : out) {
      assertThat(r.runId()).isEqualTo("run-1");
      assertThat(r.triggerTime()).isEqualTo(1000);
      assertThat(r.original()).isNotNull();
    }
    out.get(0).asObjectNodeForWrite().put("id", 99);
    assertThat(out.get(1).get("id").asInt()).isEqualTo(1);
  }

  @Test
  void aBadPathIsReportedAtItsValueNamingItsProp() {
    assertThat(StageProblems.of("Explode", "field: a..b\nas: x.\nindexField: ok"))
        .containsExactly(
            "f.yaml:10:14: error: stage \"s\" (Explode): prop 'field': field path 'a..b' has an"
                + " empty segment",
            "f.yaml:11:11: error: stage \"s\" (Explode): prop 'as': field path 'x.' has an empty"
                + " segment");
  }
}

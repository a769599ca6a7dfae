package dev.flow.actions.inline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.testing.RecordedProblems;
import dev.flow.actions.testing.StageProblems;
import dev.flow.actions.testing.TestOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InlineRecordsTest {

  @Test
  void emitsEachRecordWithItsBytesAsTheOriginal() {
    byte[] a = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    InlineRecordsTriggerFactory.Emit emit = new InlineRecordsTriggerFactory.Emit(new byte[][] {a});
    var r = emit.map(0L);
    assertThat(r.toJson()).isEqualTo("{\"a\":1}");
    assertThat(r.original()).isSameAs(a);
    assertThat(r.triggerTime()).isPositive();
  }

  @Test
  void recordsThatAreNotObjectsAreReportedAtTheirValues() {
    assertThat(StageProblems.ofTrigger("Inline Records", "records: [{a: 1}, 5, [1], null, text]"))
        .containsExactly(
            "f.yaml:10:25: error: stage \"s\" (Inline Records): prop 'records[1]' must be a"
                + " mapping, found a number (5)",
            "f.yaml:10:28: error: stage \"s\" (Inline Records): prop 'records[2]' must be a"
                + " mapping, found a list",
            "f.yaml:10:33: error: stage \"s\" (Inline Records): prop 'records[3]' must be a"
                + " mapping, found null",
            "f.yaml:10:39: error: stage \"s\" (Inline Records): prop 'records[4]' must be a"
                + " mapping, found a string ('text')");
  }

  @Test
  void validationWarnsAboutNoRecords() {
    RecordedProblems problems = new RecordedProblems();
    new InlineRecordsTriggerFactory()
        .validate(TestOptions.of(InlineRecordsOptions.class, "{records: []}"), problems);
    assertThat(problems.lines())
        .containsExactly("warning records: no records are listed, so the trigger emits nothing");
  }

  @Test
  void isAlwaysBounded() {
    assertThat(
            new InlineRecordsTriggerFactory()
                .isBounded(TestOptions.of(InlineRecordsOptions.class, "{records: [{a: 1}]}")))
        .isTrue();
  }
}

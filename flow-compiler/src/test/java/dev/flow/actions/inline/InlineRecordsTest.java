package dev.flow.actions.inline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.actions.testing.RecordedProblems;
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
  void validationRejectsRecordsThatAreNotObjects() {
    RecordedProblems problems = new RecordedProblems();
    new InlineRecordsTriggerFactory()
        .validate(
            TestOptions.of(InlineRecordsOptions.class, "{records: [{a: 1}, 5, [1], null, text]}"),
            problems);
    assertThat(problems.lines())
        .containsExactly(
            "error records: records[1] is number; each record must be an object",
            "error records: records[2] is array; each record must be an object",
            "error records: records[3] is null; each record must be an object",
            "error records: records[4] is string; each record must be an object");
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
  void createRejectsRecordsThatAreNotObjectsEagerly() {
    assertThatThrownBy(
            () ->
                new InlineRecordsTriggerFactory()
                    .create(TestOptions.of(InlineRecordsOptions.class, "{records: [1]}"), null))
        .hasMessage("records[0] is number; each record must be an object");
  }

  @Test
  void isAlwaysBounded() {
    assertThat(
            new InlineRecordsTriggerFactory()
                .isBounded(TestOptions.of(InlineRecordsOptions.class, "{records: [{a: 1}]}")))
        .isTrue();
  }
}

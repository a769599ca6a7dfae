package dev.flow.actions.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.CapturedRun;
import org.junit.jupiter.api.Test;

/** Checks the located messages for mistakes in stateful stages' props. */
class ReduceValidationTest {

  private static java.util.List<String> errors(String props, String action) throws Exception {
    String yaml =
        """
        name: bad
        stages:
          - name: in
            action: Inline Records
            props: {records: [{a: 1}]}
            out: [agg]
          - name: agg
            action: %s
            props:
        %s
            out: [out]
          - name: out
            action: Trash
        """
            .formatted(action, props);
    return CapturedRun.errors(CapturedRun.validate(yaml)).stream()
        .map(e -> e.replaceFirst("^.*?flow[^:]*\\.yaml:", "flow.yaml:"))
        .toList();
  }

  @Test
  void unknownAggregateFunctionIsLocatedAtItsField() throws Exception {
    assertThat(errors("      aggregates: {n: count, total: summ(amount)}", "Reduce"))
        .containsExactly(
            "flow.yaml:10:30: error: stage \"agg\" (Reduce): unknown aggregate function 'summ'"
                + " for 'total'. Functions: count, sum, min, max, avg, first, last, collectList,"
                + " collectSet, distinctCount, maxBy, minBy");
  }

  @Test
  void aggregateNeedsAnExpressionAndSlidingNeedsSlide() throws Exception {
    assertThat(errors("      window: sliding\n      aggregates: {total: sum()}", "Reduce"))
        .containsExactly(
            "flow.yaml:10:7: error: stage \"agg\" (Reduce): a sliding window needs 'slide', how"
                + " often a window starts",
            "flow.yaml:11:20: error: stage \"agg\" (Reduce): aggregate 'total': sum needs an"
                + " expression, e.g. sum(amount)");
  }

  @Test
  void lateBranchNeedsAStage() throws Exception {
    assertThat(errors("      aggregates: {n: count}\n      lateRecords: branch", "Reduce"))
        .containsExactly(
            "flow.yaml:11:7: error: stage \"agg\" (Reduce): lateRecords: branch needs"
                + " 'lateStage', the stage to send them to");
  }

  @Test
  void validateNeedsExactlyOneSchemaSource() throws Exception {
    assertThat(errors("      file: a.json\n      schema: {type: object}", "Validate"))
        .containsExactly(
            "flow.yaml:10:7: error: stage \"agg\" (Validate): set exactly one of 'schema', 'file'"
                + " and 'manifest' (with 'entry')");
  }

  @Test
  void accumulateNeedsALimit() throws Exception {
    assertThat(errors("      maxRecords: 0\n      maxWait: 0s", "Accumulate"))
        .containsExactly(
            "flow.yaml:10:7: error: stage \"agg\" (Accumulate): set at least one of maxRecords,"
                + " maxBytes and maxWait, or batches never close");
  }

  @Test
  void expectedInputWithAMissingManifestEntryIsAnError() throws Exception {
    assertThat(errors("      expectedInput: {manifest: nowhere.yaml}\n      key: a", "Deduplicate"))
        .containsExactly(
            "flow.yaml:10:7: error: stage \"agg\" (Deduplicate): prop 'expectedInput': 'manifest'"
                + " needs 'entry', the name of the schema in it");
  }

  @Test
  void lateStageMustBeAnOutTarget() throws Exception {
    assertThat(
            errors(
                "      aggregates: {n: count}\n      lateRecords: branch\n      lateStage: late",
                "Reduce"))
        .containsExactly(
            "flow.yaml:12:7: error: stage \"agg\" (Reduce): lateStage 'late' must be one of the"
                + " stages in this stage's out: [out]");
  }
}

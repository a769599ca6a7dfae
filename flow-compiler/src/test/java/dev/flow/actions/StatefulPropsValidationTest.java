package dev.flow.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.testing.StageProblems;
import org.junit.jupiter.api.Test;

/**
 * Map and the stateful transforms through the real validator: a bad path or a value outside its
 * limits is reported at the value's line and column, naming its prop.
 */
class StatefulPropsValidationTest {

  @Test
  void mapReportsABadFieldPathAtItsKey() {
    assertThat(StageProblems.of("Map", "fields:\n  a..b: '1'\n  ok: '2'\n  x.: '3'"))
        .containsExactly(
            "f.yaml:11:9: error: stage \"s\" (Map): prop 'fields': field path 'a..b' has an empty"
                + " segment",
            "f.yaml:13:9: error: stage \"s\" (Map): prop 'fields': field path 'x.' has an empty"
                + " segment");
  }

  @Test
  void mapWithGoodPathsIsValid() {
    assertThat(StageProblems.of("Map", "fields: {total: 'a * 2', 'h.content\\.type': '\"x\"'}"))
        .isEmpty();
  }

  @Test
  void reduceReportsBadPathsAndWindowLengthsAtTheirValues() {
    assertThat(
            StageProblems.of(
                "Reduce",
                """
                keyField: .k
                timeField: t.
                aggregates: {n: count}
                window: sliding
                size: 0s
                slide: 0ms"""))
        .containsExactly(
            "f.yaml:10:17: error: stage \"s\" (Reduce): prop 'keyField': field path '.k' has an"
                + " empty segment",
            "f.yaml:11:18: error: stage \"s\" (Reduce): prop 'timeField': field path 't.' has an"
                + " empty segment",
            "f.yaml:14:13: error: stage \"s\" (Reduce): prop 'size' must be 1ms or more, found 0s",
            "f.yaml:15:14: error: stage \"s\" (Reduce): prop 'slide' must be 1ms or more, found"
                + " 0s");
    assertThat(StageProblems.of("Reduce", "aggregates: {n: count}\nwindow: session\ngap: 0s"))
        .containsExactly(
            "f.yaml:12:12: error: stage \"s\" (Reduce): prop 'gap' must be 1ms or more, found 0s");
  }

  @Test
  void reduceWithAKeyFieldAndATimeFieldIsValid() {
    assertThat(
            StageProblems.of(
                "Reduce", "keyField: customer.id\ntimeField: at\naggregates: {n: count}"))
        .isEmpty();
  }

  @Test
  void accumulateReportsNegativeLimitsAndABadKeyField() {
    assertThat(StageProblems.of("Accumulate", "maxRecords: -1\nmaxBytes: -2\nkeyField: a..b"))
        .containsExactly(
            "f.yaml:10:19: error: stage \"s\" (Accumulate): prop 'maxRecords' must be 0 or more,"
                + " found -1",
            "f.yaml:11:17: error: stage \"s\" (Accumulate): prop 'maxBytes' must be 0 or more,"
                + " found -2",
            "f.yaml:12:17: error: stage \"s\" (Accumulate): prop 'keyField': field path 'a..b'"
                + " has an empty segment");
  }

  @Test
  void deduplicateReportsAnEmptyKeyFieldAndAZeroTtl() {
    assertThat(StageProblems.of("Deduplicate", "keyField: ''\nttl: 0s"))
        .containsExactly(
            "f.yaml:10:17: error: stage \"s\" (Deduplicate): prop 'keyField': a field path must"
                + " not be empty",
            "f.yaml:11:12: error: stage \"s\" (Deduplicate): prop 'ttl' must be 1ms or more, found"
                + " 0s");
  }
}

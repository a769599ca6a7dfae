package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.job.local.LocalRunner;
import dev.flow.job.local.ProgressReporter;
import dev.flow.validate.ValidatedFlow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every stage reports records in and out under its own name through Flink's metric reporters,
 * whatever it is made of: a source, a one-record-at-a-time transform, a keyed stateful transform
 * and a sink.
 */
class StageMetricsITCase {

  @Test
  void everyStageCountsItsRecordsUnderItsName() throws Exception {
    ValidatedFlow flow =
        FlowCompiler.validate("src/test/resources/flows/dedupe-counts.yaml", List.of(), false);
    assertThat(flow.problems()).isEmpty();

    new LocalRunner(null, java.time.Duration.ofSeconds(1)).run(flow);

    Map<String, Map<String, Long>> counts = ProgressReporter.snapshot();
    assertThat(counts.get("gen"))
        .containsEntry("recordsIn", 300L)
        .containsEntry("recordsOut", 300L);
    // Three users: the first record of each passes, the repeats are dropped.
    assertThat(counts.get("dedupe"))
        .containsEntry("recordsIn", 300L)
        .containsEntry("recordsOut", 3L);
    // records in = out + filtered + errors.
    assertThat(counts.get("not b"))
        .containsEntry("recordsIn", 3L)
        .containsEntry("recordsOut", 2L)
        .containsEntry("recordsFiltered", 1L)
        .containsEntry("errors", 0L);
    assertThat(counts.get("discard")).containsEntry("recordsIn", 2L);
  }
}

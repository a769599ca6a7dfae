package dev.flow.server.deploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names under which Flink's REST API lists Flow's per-stage counters. */
class StageCounterNameTest {
  @Test
  void readsTheStageAndTheCounterBehindTheOperatorName() {
    assertThat(FlinkJobs.stageCounter("Filter: big.stage.big.recordsIn"))
        .containsExactly("big", "recordsIn");
    assertThat(FlinkJobs.stageCounter("count-out-orders.stage.orders.recordsOut"))
        .containsExactly("orders", "recordsOut");
    assertThat(FlinkJobs.stageCounter("Map.stage.parse json.errors"))
        .containsExactly("parse json", "errors");
  }

  @Test
  void ignoresOtherMetrics() {
    assertThat(FlinkJobs.stageCounter("Filter: big.numRecordsIn")).isNull();
    assertThat(FlinkJobs.stageCounter("Filter: big.stage.big.recordsFiltered")).isNull();
    assertThat(FlinkJobs.stageCounter("Filter: big.runs.succeeded")).isNull();
    assertThat(FlinkJobs.stageCounter("recordsIn")).isNull();
    assertThat(
            FlinkJobs.stageCounter(
                "Error Records - Flow Server (written).stage.Error Records - Flow Server.recordsOut"))
        .isNull();
    assertThat(FlinkJobs.stageCounter("runs_(written).stage.Run_Records_-_Log.recordsOut"))
        .isNull();
  }
}

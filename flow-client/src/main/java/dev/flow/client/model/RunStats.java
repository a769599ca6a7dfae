package dev.flow.client.model;

import java.util.List;

/** Counts and durations of runs, per flow. */
public record RunStats(List<FlowStats> flows) {
  public RunStats {
    flows = flows == null ? List.of() : flows;
  }

  /** One flow's runs: how many, how many succeeded or failed, how long they took. */
  public record FlowStats(
      String flow, long runs, long success, long error, Durations durationMs, String lastRun) {}

  /** Run durations in milliseconds. */
  public record Durations(Double avg, Long p50, Long p95, Long max) {}
}

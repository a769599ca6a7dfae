package dev.flow.server.deploy.engine;

import java.time.Instant;
import java.util.List;

/**
 * Flow's per-stage counters of one job, summed over the job's operators and subtasks, as the engine
 * read them at {@code at}.
 *
 * @param stages one entry per stage that registered counters, in the order Flink listed them
 * @param at when they were read
 */
public record JobMetrics(List<Stage> stages, Instant at) {

  /** The counters of one stage: records in, records out, and records that failed. */
  public record Stage(String stage, long recordsIn, long recordsOut, long errors) {}

  /** No counters: the engine cannot read any, or the job does not run. */
  public static JobMetrics none() {
    return new JobMetrics(List.of(), Instant.now());
  }
}

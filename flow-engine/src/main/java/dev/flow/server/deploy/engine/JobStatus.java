package dev.flow.server.deploy.engine;

import java.time.Instant;

/**
 * What an engine reports of one job.
 *
 * @param ref the job
 * @param state its state
 * @param flinkState Flink's own state name, e.g. RESTARTING; null when not found
 * @param restarts how many times Flink restarted the job after a failure
 * @param rootCause the latest failure's exception class and message, null when none
 * @param webUrl the job's page in the Flink web UI, null when the engine has none
 * @param startTime when the job started, null when unknown
 */
public record JobStatus(
    JobRef ref,
    JobState state,
    String flinkState,
    long restarts,
    String rootCause,
    String webUrl,
    Instant startTime) {

  /** The status of a job the engine does not know. */
  public static JobStatus notFound(JobRef ref) {
    return new JobStatus(ref, JobState.NOT_FOUND, null, 0, null, null, null);
  }
}

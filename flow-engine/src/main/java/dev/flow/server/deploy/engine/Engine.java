package dev.flow.server.deploy.engine;

import java.util.List;

/**
 * A place where flows run as Flink jobs (an embedded Flink, a session cluster, Kubernetes): submit
 * one, ask how it is doing, stop it with or without a savepoint. Implementations talk to Flink
 * only; which flow version runs where is the caller's record.
 */
public interface Engine extends AutoCloseable {

  /** The environment kind this engine serves: {@code local}, {@code flink-session}, ... */
  String kind();

  /**
   * Starts the flow, from the request's savepoint when it names one; returns once Flink accepted
   * the job. A flow that is invalid, or that would leave savepoint state behind, is refused with an
   * {@link EngineException} carrying the located problems.
   */
  JobRef submit(JobRequest request) throws EngineException;

  /**
   * What Flink reports of the job now; state {@link JobState#NOT_FOUND} when it does not know it.
   */
  JobStatus status(JobRef job) throws EngineException;

  /**
   * Stops the job. With {@code savepoint} it takes a savepoint into the engine's savepoint folder,
   * waits for it and returns its path; without, it cancels the job and returns null.
   */
  String stop(JobRef job, boolean savepoint) throws EngineException;

  /** Every job Flink knows of in this engine, for reconciling records with the engine on start. */
  List<JobStatus> jobs() throws EngineException;

  /**
   * Flow's per-stage counters of the job ({@code stage.<name>.recordsIn}, {@code recordsOut},
   * {@code errors}), summed over its operators and subtasks. Engines that cannot read them answer
   * {@link JobMetrics#none()}.
   */
  default JobMetrics metrics(JobRef job) throws EngineException {
    return JobMetrics.none();
  }

  @Override
  default void close() {}
}

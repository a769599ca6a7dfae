package dev.flow.server.deploy.engine;

import java.util.List;

/**
 * An engine whose jobs live on a Flink that answers the REST API (the embedded one, a session
 * cluster): status, stop, metrics and the job list go through its {@link FlinkJobs}.
 */
abstract class FlinkJobsEngine implements Engine {

  /** The REST client of this engine's Flink. */
  abstract FlinkJobs flink();

  @Override
  public JobStatus status(JobRef job) throws EngineException {
    return flink().status(job);
  }

  @Override
  public String stop(JobRef job, boolean savepoint) throws EngineException {
    return flink().stop(job, savepoint);
  }

  @Override
  public JobMetrics metrics(JobRef job) throws EngineException {
    return flink().metrics(job);
  }

  @Override
  public List<JobStatus> jobs() throws EngineException {
    return flink().jobs();
  }
}

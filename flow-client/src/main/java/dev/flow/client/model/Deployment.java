package dev.flow.client.model;

import java.util.List;

/**
 * A flow version running in an environment, with the status its engine reports ({@link #engine()},
 * absent in lists).
 */
public record Deployment(
    String id,
    String flowId,
    String environment,
    String jobName,
    Integer version,
    Integer previousVersion,
    List<String> parameterSets,
    String jobId,
    String state,
    String rootCause,
    String savepoint,
    String createdAt,
    String updatedAt,
    Engine engine) {
  public Deployment {
    parameterSets = parameterSets == null ? List.of() : parameterSets;
  }

  /** The state the engine reports now, else the stored one. */
  public String liveState() {
    return engine != null && engine.state() != null ? engine.state() : state;
  }

  /** The Flink job id the engine reports now, else the stored one. */
  public String liveJobId() {
    return engine != null && engine.jobId() != null ? engine.jobId() : jobId;
  }

  /** The root cause the engine reports now, else the stored one. */
  public String liveRootCause() {
    return engine != null && engine.rootCause() != null ? engine.rootCause() : rootCause;
  }

  /** What the engine says of the job now. */
  public record Engine(
      String state,
      String flinkState,
      String jobId,
      Integer restarts,
      String rootCause,
      String webUrl) {}

  /** One action on a deployment: who, when, which version, which savepoint. */
  public record Action(
      String action,
      String actor,
      String at,
      Integer version,
      String savepoint,
      String jobId,
      String detail) {}
}

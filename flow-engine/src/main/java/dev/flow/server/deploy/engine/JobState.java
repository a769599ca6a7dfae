package dev.flow.server.deploy.engine;

/** The state of a job as a user sees it, mapped from Flink's job states. */
public enum JobState {
  /** Accepted, not yet running every task (Flink: INITIALIZING, CREATED, RECONCILING). */
  STARTING,
  RUNNING,
  /** A task failed and the job is restarting from its last checkpoint (RESTARTING, FAILING). */
  RESTARTING,
  /** The job failed for good; {@link JobStatus#rootCause()} says why. */
  FAILED,
  /** A bounded job ended. */
  FINISHED,
  /** Stopped or cancelled on request (CANCELED, CANCELLING, SUSPENDED). */
  STOPPED,
  /** The engine does not know the job (for example a session cluster that was restarted). */
  NOT_FOUND;

  /** Maps a Flink job state name ({@code org.apache.flink.api.common.JobStatus}). */
  public static JobState ofFlink(String flinkState) {
    return switch (flinkState) {
      case "INITIALIZING", "CREATED", "RECONCILING" -> STARTING;
      case "RUNNING" -> RUNNING;
      case "RESTARTING", "FAILING" -> RESTARTING;
      case "FAILED" -> FAILED;
      case "FINISHED" -> FINISHED;
      case "CANCELED", "CANCELLING", "SUSPENDED" -> STOPPED;
      default -> throw new IllegalArgumentException("unknown Flink job state " + flinkState);
    };
  }

  /** Whether the job has ended and will not run again by itself. */
  public boolean terminal() {
    return this == FAILED || this == FINISHED || this == STOPPED || this == NOT_FOUND;
  }
}

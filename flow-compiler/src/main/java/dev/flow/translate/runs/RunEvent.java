package dev.flow.translate.runs;

/**
 * One thing that happened to a run: it started at a trigger, one of its records reached a
 * publisher, or one failed in a stage. A Flink POJO, so it travels without generic types.
 */
public final class RunEvent {
  /** The run started: a trigger produced its record. */
  public static final byte START = 0;

  /** One of the run's records reached a publisher. */
  public static final byte OUTPUT = 1;

  /** One of the run's records failed in a stage. */
  public static final byte ERROR = 2;

  public String runId;
  public byte kind;
  public String stage;
  public long time;
  public String error;

  public RunEvent() {}

  RunEvent(String runId, byte kind, String stage, long time, String error) {
    this.runId = runId;
    this.kind = kind;
    this.stage = stage;
    this.time = time;
    this.error = error;
  }
}

package dev.flow.translate.runs;

/** What is known of a run that has not completed yet. A Flink POJO kept in keyed state. */
public final class RunState {
  public String trigger;
  public long start = Long.MAX_VALUE;
  public long last = Long.MIN_VALUE;
  public long outputs;
  public long errors;
  public String failedStage;
  public String error;
  public long timer;
  public long seen;

  public RunState() {}

  void add(RunEvent e) {
    switch (e.kind) {
      case RunEvent.START -> trigger = e.stage;
      case RunEvent.OUTPUT -> outputs++;
      default -> {
        errors++;
        if (failedStage == null) {
          failedStage = e.stage;
          error = e.error;
        }
      }
    }
    start = Math.min(start, e.time);
    last = Math.max(last, e.time);
  }
}

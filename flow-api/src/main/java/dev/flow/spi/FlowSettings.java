package dev.flow.spi;

import dev.flow.model.Node;
import java.time.Duration;

/**
 * The optional top-level {@code settings} of a flow: parallelism, checkpointing, restarts, state
 * and error handling. Every field has a default, so a flow without settings runs as is.
 */
public record FlowSettings(
    @Prop(description = "Default parallelism of every stage.", defaultValue = "1", min = "1")
        int parallelism,
    @Prop(
            description = "Upper bound of parallelism for keyed state; fixed once a job has state.",
            defaultValue = "128")
        int maxParallelism,
    @Prop(description = "Checkpointing: how often Flink snapshots the flow's state.")
        Checkpointing checkpointing,
    @Prop(description = "What Flink does when a task fails.") Restart restart,
    @Prop(description = "Where state lives between checkpoints.", defaultValue = "hashmap")
        StateBackend stateBackend,
    @Prop(description = "The error stage and the form of the records it receives.") Errors errors,
    @Prop(description = "Where the outcome of each run is recorded: success or error, and timing.")
        Runs runs) {

  /** Settings without a runs publisher. */
  public FlowSettings(
      int parallelism,
      int maxParallelism,
      Checkpointing checkpointing,
      Restart restart,
      StateBackend stateBackend,
      Errors errors) {
    this(
        parallelism, maxParallelism, checkpointing, restart, stateBackend, errors, Runs.defaults());
  }

  /** Settings with every default. */
  public static FlowSettings defaults() {
    return new FlowSettings(
        1,
        128,
        Checkpointing.defaults(),
        Restart.defaults(),
        StateBackend.HASHMAP,
        Errors.defaults(),
        Runs.defaults());
  }

  /** The state backend. */
  public enum StateBackend {
    HASHMAP,
    ROCKSDB
  }

  /** Checkpointing settings. */
  public record Checkpointing(
      @Prop(
              description =
                  "Whether to checkpoint. 'auto' checkpoints unbounded flows and not bounded ones.",
              defaultValue = "auto")
          Toggle enabled,
      @Prop(description = "Time between checkpoints.", defaultValue = "10s") Duration interval,
      @Prop(description = "exactly-once or at-least-once.", defaultValue = "exactly-once")
          Mode mode,
      @Prop(description = "A checkpoint that takes longer is aborted.", defaultValue = "10m")
          Duration timeout,
      @Prop(description = "Least time between the end of one checkpoint and the next start.")
          Duration minPause,
      @Prop(
              description =
                  "Where checkpoints are stored, e.g. file:///data/checkpoints or s3://bucket/ck.")
          String directory,
      @Prop(
              description =
                  "Keep the last checkpoint when the job is cancelled, to restart from it.",
              defaultValue = "true")
          boolean retainOnCancel) {

    public static Checkpointing defaults() {
      return new Checkpointing(
          Toggle.AUTO,
          Duration.ofSeconds(10),
          Mode.EXACTLY_ONCE,
          Duration.ofMinutes(10),
          null,
          null,
          true);
    }

    /** Checkpointing mode. */
    public enum Mode {
      EXACTLY_ONCE,
      AT_LEAST_ONCE
    }
  }

  /** On, off, or decided by Flow. */
  public enum Toggle {
    AUTO,
    ON,
    OFF
  }

  /** Restart strategy settings. */
  public record Restart(
      @Prop(
              description = "exponential-delay, fixed-delay, failure-rate or none.",
              defaultValue = "exponential-delay")
          Strategy strategy,
      @Prop(description = "First delay (exponential-delay).", defaultValue = "1s")
          Duration initialDelay,
      @Prop(description = "Largest delay (exponential-delay).", defaultValue = "1m")
          Duration maxDelay,
      @Prop(description = "Growth factor of the delay (exponential-delay).", defaultValue = "2.0")
          double multiplier,
      @Prop(
              description = "Quiet time after which the delay starts over (exponential-delay).",
              defaultValue = "1h")
          Duration resetAfter,
      @Prop(
              description = "Random spread of the delay, 0 to 1 (exponential-delay).",
              defaultValue = "0.1",
              min = "0",
              max = "1")
          double jitter,
      @Prop(
              description =
                  "Attempts before the job fails: fixed-delay in total, failure-rate per interval;"
                      + " for exponential-delay, 0 means unlimited.",
              defaultValue = "0")
          int attempts,
      @Prop(
              description = "Delay between attempts (fixed-delay, failure-rate).",
              defaultValue = "10s")
          Duration delay,
      @Prop(
              description = "Window in which failures are counted (failure-rate).",
              defaultValue = "5m")
          Duration failureInterval) {

    public static Restart defaults() {
      return new Restart(
          Strategy.EXPONENTIAL_DELAY,
          Duration.ofSeconds(1),
          Duration.ofMinutes(1),
          2.0,
          Duration.ofHours(1),
          0.1,
          0,
          Duration.ofSeconds(10),
          Duration.ofMinutes(5));
    }

    /** Restart strategies. */
    public enum Strategy {
      EXPONENTIAL_DELAY,
      FIXED_DELAY,
      FAILURE_RATE,
      NONE
    }
  }

  /** The error stage: any publisher action, with its props, and the record policy. */
  public record Errors(
      @Prop(
              description =
                  "ORIGINAL_RECORD or STAGE_RECORD: which form of a failed record to keep.",
              defaultValue = "ORIGINAL_RECORD")
          ErrorPolicy policy,
      @Prop(
              description = "The publisher that receives error records, e.g. Log or Write to File.",
              defaultValue = "Log")
          String action,
      @Prop(description = "Props of the error publisher.") Node.MapNode props,
      @Prop(
              description =
                  "The error budget: the job fails once more error records than this arrive within"
                      + " 'window'. Unset: no limit.",
              min = "0")
          Integer maxCount,
      @Prop(
              description =
                  "The error budget as a rate: the job fails once error records arrive faster than"
                      + " this many per second, on average over 'window'. Unset: no limit.")
          Double maxRate,
      @Prop(
              description = "The sliding time window of maxCount and maxRate.",
              defaultValue = "1m",
              min = "1s",
              max = "24h")
          Duration window) {

    /** An error stage without a budget. */
    public Errors(ErrorPolicy policy, String action, Node.MapNode props) {
      this(policy, action, props, null, null, Duration.ofMinutes(1));
    }

    public static Errors defaults() {
      return new Errors(ErrorPolicy.ORIGINAL_RECORD, "Log", null);
    }

    /** True when maxCount or maxRate is set. */
    public boolean hasBudget() {
      return maxCount != null || maxRate != null;
    }
  }

  /**
   * The run outcomes: one record per run (success or error, start, end, duration, the stage that
   * failed) and, for a bounded flow, one for the job, sent to a publisher.
   */
  public record Runs(
      @Prop(
              description =
                  "The publisher that receives one outcome record per run, e.g. Log or Write to"
                      + " File. Unset: outcomes are not recorded.")
          String action,
      @Prop(description = "Props of the runs publisher.") Node.MapNode props,
      @Prop(
              description =
                  "A run is complete when none of its records reached a publisher or failed for"
                      + " this long; a bounded flow completes its runs when its input ends.",
              defaultValue = "10s")
          Duration idle) {

    public static Runs defaults() {
      return new Runs(null, null, Duration.ofSeconds(10));
    }
  }
}

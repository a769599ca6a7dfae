package dev.flow.translate;

import dev.flow.spi.FlowSettings;
import dev.flow.spi.FlowSettings.Checkpointing;
import dev.flow.spi.FlowSettings.Restart;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Turns a flow's {@link FlowSettings} into Flink configuration: parallelism, object reuse, no
 * generic types, checkpointing, the restart strategy and the state backend.
 */
public final class EnvironmentConfigurer {
  private EnvironmentConfigurer() {}

  /** The Flink configuration for these settings; {@code bounded} decides "auto" checkpointing. */
  public static Configuration toConfiguration(FlowSettings settings, boolean bounded) {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.DEFAULT_PARALLELISM, settings.parallelism());
    conf.set(PipelineOptions.MAX_PARALLELISM, settings.maxParallelism());
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, true);
    // Always streaming: bounded flows end when their triggers do. Saying so also spares Flink
    // from searching the graph for unbounded sources.
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);

    Checkpointing cp = settings.checkpointing();
    boolean checkpoint =
        switch (cp.enabled()) {
          case ON -> true;
          case OFF -> false;
          case AUTO -> !bounded;
        };
    if (checkpoint) {
      conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, cp.interval());
      conf.set(
          CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
          cp.mode() == Checkpointing.Mode.AT_LEAST_ONCE
              ? CheckpointingMode.AT_LEAST_ONCE
              : CheckpointingMode.EXACTLY_ONCE);
      conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, cp.timeout());
      if (cp.minPause() != null) {
        conf.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, cp.minPause());
      }
      conf.set(
          CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          cp.retainOnCancel()
              ? ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION
              : ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
      if (cp.directory() != null) {
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, cp.directory());
      }
    }

    Restart r = settings.restart();
    switch (r.strategy()) {
      case NONE -> conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
      case FIXED_DELAY -> {
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS,
            r.attempts() > 0 ? r.attempts() : 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, r.delay());
      }
      case FAILURE_RATE -> {
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "failure-rate");
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL,
            r.attempts() > 0 ? r.attempts() : 3);
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL,
            r.failureInterval());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY, r.delay());
      }
      case EXPONENTIAL_DELAY -> {
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
            r.initialDelay());
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, r.maxDelay());
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER,
            r.multiplier());
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
            r.resetAfter());
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, r.jitter());
        conf.set(
            RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
            r.attempts() > 0 ? r.attempts() : Integer.MAX_VALUE);
      }
    }
    conf.set(
        StateBackendOptions.STATE_BACKEND,
        settings.stateBackend() == FlowSettings.StateBackend.ROCKSDB ? "rocksdb" : "hashmap");
    return conf;
  }

  /** Applies the settings to {@code env}. */
  public static void configure(
      StreamExecutionEnvironment env, FlowSettings settings, boolean bounded) {
    env.configure(toConfiguration(settings, bounded));
    env.setParallelism(settings.parallelism());
    env.getConfig().enableObjectReuse();
    env.getConfig().disableGenericTypes();
  }
}

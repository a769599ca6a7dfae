package dev.flow.job.local;

import dev.flow.FlowCompiler;
import dev.flow.translate.CompiledFlow;
import dev.flow.validate.ValidatedFlow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a validated flow on an embedded Flink in this JVM, showing per-stage progress, until a
 * bounded flow ends or the process is interrupted.
 */
public final class LocalRunner {
  /** A row of the stage table, the headings' row too, so that each count sits under its name. */
  private static final String SUMMARY_ROW = "%-28s %10s %10s %10s %10s%n";

  private final PrintStream progressOut;
  private final Duration progressEvery;

  public LocalRunner(PrintStream progressOut, Duration progressEvery) {
    this.progressOut = progressOut;
    this.progressEvery = progressEvery;
  }

  /** The local environment Flow runs flows on, with the progress reporter registered. */
  public static StreamExecutionEnvironment localEnvironment() {
    return localEnvironment(null);
  }

  private static StreamExecutionEnvironment localEnvironment(String restoreFrom) {
    Configuration conf = new Configuration();
    ProgressReporter.configuration().forEach(conf::setString);
    if (restoreFrom != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
    }
    return LocalCluster.environment(conf);
  }

  /** Runs the flow and returns the Flink job result; throws when the job fails. */
  public JobExecutionResult run(ValidatedFlow flow) throws Exception {
    return run(flow, null);
  }

  /**
   * Runs the flow, restored from the checkpoint or savepoint at {@code restoreFrom} when it is not
   * null, and returns the Flink job result; throws when the job fails.
   */
  public JobExecutionResult run(ValidatedFlow flow, String restoreFrom) throws Exception {
    ProgressReporter.reset();
    StreamExecutionEnvironment env = localEnvironment(restoreFrom);
    CompiledFlow compiled = FlowCompiler.translate(flow, env);
    if (restoreFrom != null) {
      // translate configures the environment from the flow's settings; the restore path stays.
      env.configure(restoreConfiguration(restoreFrom));
    }
    JobClient client = env.executeAsync(compiled.jobName());
    AtomicBoolean stopping = new AtomicBoolean();
    // Ctrl-C or SIGTERM: cancel the job and show its stages as a finished run shows them.
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              try {
                client.cancel().get(10, TimeUnit.SECONDS);
              } catch (Exception ignored) {
                // The JVM is exiting anyway.
              }
              if (progressOut != null) {
                progressOut.println(
                    "flow '" + flow.def().name() + "' stopped; its stages when it stopped:");
                printSummary(flow);
                progressOut.flush();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      var result = client.getJobExecutionResult();
      String last = "";
      while (true) {
        try {
          JobExecutionResult r = result.get(progressEvery.toMillis(), TimeUnit.MILLISECONDS);
          printSummary(flow);
          return r;
        } catch (ExecutionException e) {
          if (stopping.get()) {
            // Cancelled by the shutdown hook, which reports the stop; the JVM ends with it.
            new CountDownLatch(1).await();
          }
          throw e;
        } catch (TimeoutException stillRunning) {
          String line = progressLine();
          if (progressOut != null && !line.isEmpty() && !line.equals(last)) {
            progressOut.println(line);
            last = line;
          }
        }
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Already exiting.
      }
    }
  }

  private static Configuration restoreConfiguration(String restoreFrom) {
    Configuration conf = new Configuration();
    conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
    return conf;
  }

  private void printSummary(ValidatedFlow flow) {
    if (progressOut == null) {
      return;
    }
    Map<String, Map<String, Long>> snap = ProgressReporter.snapshot();
    if (snap.isEmpty()) {
      return;
    }
    progressOut.printf(SUMMARY_ROW, "stage", "in", "out", "filtered", "errors");
    java.util.List<String> order = new java.util.ArrayList<>();
    flow.stages().forEach(s -> order.add(s.name()));
    snap.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
    order.stream()
        .filter(snap::containsKey)
        .forEach(
            stage -> {
              Map<String, Long> c = snap.get(stage);
              progressOut.printf(
                  SUMMARY_ROW,
                  stage.length() > 28 ? stage.substring(0, 27) + "…" : stage,
                  c.getOrDefault("recordsIn", 0L),
                  c.getOrDefault("recordsOut", 0L),
                  c.getOrDefault("recordsFiltered", 0L),
                  c.getOrDefault("errors", 0L));
            });
  }

  private static String progressLine() {
    StringBuilder b = new StringBuilder();
    ProgressReporter.snapshot()
        .forEach(
            (stage, c) -> {
              if (b.length() > 0) {
                b.append(" | ");
              }
              b.append(stage)
                  .append(": in ")
                  .append(c.getOrDefault("recordsIn", 0L))
                  .append(" out ")
                  .append(c.getOrDefault("recordsOut", 0L));
              long err = c.getOrDefault("errors", 0L);
              if (err > 0) {
                b.append(" err ").append(err);
              }
            });
    return b.toString();
  }
}

package dev.flow.job.local;

import dev.flow.FlowCompiler;
import dev.flow.factory.FactoryEdge;
import dev.flow.factory.FactoryFlow;
import dev.flow.factory.ValidatedFactory;
import dev.flow.preview.EmbeddedFlink;
import dev.flow.translate.CompiledFlow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a valid factory on one embedded Flink in this JVM. Streaming flows start one by one,
 * upstream first, each once its upstream flows are up. A bounded flow starts once the flows it
 * depends on are done: bounded ones finished, streaming ones stopped (drained into a savepoint
 * after {@code streamingFor}). A flow whose dependency failed or was skipped does not start. Every
 * flow's outcome and duration are reported.
 */
public final class FactoryRunner {

  /** How a flow's run ended. */
  public enum Outcome {
    SUCCEEDED,
    STOPPED,
    FAILED,
    SKIPPED
  }

  /** One flow's outcome, for the report. */
  public record Result(
      String flow, boolean bounded, Outcome outcome, Duration duration, String detail) {}

  private enum State {
    PENDING,
    STARTING,
    RUNNING,
    DONE
  }

  private final PrintStream out;
  private final Duration streamingFor;
  private final Path savepoints;
  private final Duration startTimeout;
  private final Duration settle;
  private long t0;

  /** Set by the shutdown hook on Ctrl-C or SIGTERM; the run loop then stops every flow. */
  private volatile boolean stopRequested;

  /**
   * @param out where events and the report go
   * @param streamingFor how long streaming flows run once all are up before they are stopped with a
   *     drain; null runs them until the process ends
   * @param savepoints where stopped streaming flows put their final savepoints
   * @param startTimeout the longest a streaming flow may take to have every task running
   * @param settle how long a streaming flow keeps running after its upstream flows stopped
   */
  public FactoryRunner(
      PrintStream out,
      Duration streamingFor,
      Path savepoints,
      Duration startTimeout,
      Duration settle) {
    this.settle = settle;
    this.out = out;
    this.streamingFor = streamingFor;
    this.savepoints = savepoints;
    this.startTimeout = startTimeout;
  }

  /** Runs the factory and returns each flow's outcome, in the factory's order. */
  public List<Result> run(ValidatedFactory f) throws Exception {
    int n = f.flows().size();
    State[] state = new State[n];
    Result[] results = new Result[n];
    JobClient[] clients = new JobClient[n];
    long[] started = new long[n];
    java.util.Arrays.fill(state, State.PENDING);
    int slots = 0;
    for (FactoryFlow flow : f.flows()) {
      slots += EmbeddedFlink.slotsFor(flow.flow());
    }
    t0 = System.nanoTime();
    boolean waitingNoted = false;
    long streamingSince = -1;
    // Ctrl-C or SIGTERM: the loop cancels the flows and reports their outcomes before the JVM goes.
    java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stopRequested = true;
              try {
                reported.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try (EmbeddedFlink flink = EmbeddedFlink.start(slots)) {
      while (true) {
        if (stopRequested) {
          stopAll(f, state, results, clients, started);
          break;
        }
        boolean busy = false;
        for (int i : f.order()) {
          FactoryFlow flow = f.flows().get(i);
          if (state[i] == State.PENDING) {
            String blocked = blocked(f, i, results);
            if (blocked != null) {
              state[i] = State.DONE;
              results[i] = skipped(flow, blocked);
            } else if (ready(f, i, state, results) && !anyStarting(state)) {
              started[i] = System.nanoTime();
              try {
                clients[i] = submit(flink, flow);
                state[i] = flow.bounded() ? State.RUNNING : State.STARTING;
                event("started '" + flow.name() + "' (" + kind(flow) + ")");
              } catch (Exception e) {
                state[i] = State.DONE;
                results[i] = finished(flow, Outcome.FAILED, started[i], rootMessage(e));
              }
            }
          }
          if (state[i] == State.STARTING) {
            busy = true;
            if (failed(clients[i])) {
              state[i] = State.DONE;
              results[i] = finished(flow, Outcome.FAILED, started[i], failure(clients[i]));
            } else if (flink.allTasksRunning(clients[i].getJobID())) {
              state[i] = State.RUNNING;
              streamingSince = System.nanoTime();
              event("'" + flow.name() + "' is up, every task running");
            } else if (System.nanoTime() - started[i] > startTimeout.toNanos()) {
              clients[i].cancel().get(30, TimeUnit.SECONDS);
              state[i] = State.DONE;
              results[i] =
                  finished(
                      flow,
                      Outcome.FAILED,
                      started[i],
                      "not up within " + seconds(startTimeout.toNanos()));
            }
          } else if (state[i] == State.RUNNING) {
            busy = true;
            JobStatus s = clients[i].getJobStatus().get(10, TimeUnit.SECONDS);
            if (s == JobStatus.FINISHED) {
              state[i] = State.DONE;
              results[i] = finished(flow, Outcome.SUCCEEDED, started[i], "finished");
            } else if (s.isGloballyTerminalState()) {
              state[i] = State.DONE;
              results[i] = finished(flow, Outcome.FAILED, started[i], failure(clients[i]));
            }
          }
        }
        boolean pendingReady = false;
        boolean streamingWaits = false;
        for (int i = 0; i < n; i++) {
          if (state[i] == State.PENDING) {
            if (ready(f, i, state, results)) {
              pendingReady = true;
            } else if (waitsOnStreaming(f, i, state)) {
              streamingWaits = true;
            }
          }
        }
        boolean streamingRunning = false;
        for (int i = 0; i < n; i++) {
          streamingRunning |= state[i] == State.RUNNING && !f.flows().get(i).bounded();
        }
        boolean streamingPending = false;
        for (int i = 0; i < n; i++) {
          streamingPending |=
              state[i] == State.PENDING
                  && !f.flows().get(i).bounded()
                  && ready(f, i, state, results);
        }
        if (streamingRunning && !anyStarting(state) && !streamingPending) {
          if (streamingFor == null) {
            if (streamingWaits && !waitingNoted) {
              event(
                  "bounded flows wait for the streaming flows to stop; give --streaming-for to stop them");
              waitingNoted = true;
            }
          } else if (System.nanoTime() - streamingSince >= streamingFor.toNanos()) {
            stopStreaming(f, state, results, clients, started);
            continue;
          }
        }
        if (!busy && !pendingReady) {
          break;
        }
        Thread.sleep(100);
      }
    }
    List<Result> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      FactoryFlow flow = f.flows().get(i);
      all.add(
          results[i] != null
              ? results[i]
              : new Result(
                  flow.name(), flow.bounded(), Outcome.SKIPPED, Duration.ZERO, "never ready"));
    }
    report(all);
    out.flush();
    reported.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: it waited for this report.
    }
    return all;
  }

  /**
   * On Ctrl-C or SIGTERM: cancels every flow that is starting or running, downstream first, and
   * marks those that have not started.
   */
  private void stopAll(
      ValidatedFactory f, State[] state, Result[] results, JobClient[] clients, long[] started) {
    event("stopping every flow (Ctrl-C or SIGTERM)");
    List<Integer> order = new ArrayList<>(f.order());
    java.util.Collections.reverse(order);
    for (int i : order) {
      FactoryFlow flow = f.flows().get(i);
      if (state[i] == State.STARTING || state[i] == State.RUNNING) {
        state[i] = State.DONE;
        try {
          clients[i].cancel().get(30, TimeUnit.SECONDS);
          results[i] = finished(flow, Outcome.STOPPED, started[i], "cancelled");
        } catch (Exception e) {
          results[i] =
              finished(flow, Outcome.FAILED, started[i], "cancel failed: " + rootMessage(e));
        }
      } else if (state[i] == State.PENDING) {
        state[i] = State.DONE;
        results[i] = skipped(flow, "stopped first");
      }
    }
  }

  /**
   * Stops every running streaming flow with a drain into a savepoint, upstream first; before a flow
   * whose upstream was just stopped, waits {@code settle} so that it can read what its upstream
   * committed last.
   */
  private void stopStreaming(
      ValidatedFactory f, State[] state, Result[] results, JobClient[] clients, long[] started)
      throws InterruptedException {
    Set<Integer> stopped = new LinkedHashSet<>();
    for (int i : f.order()) {
      FactoryFlow flow = f.flows().get(i);
      if (state[i] != State.RUNNING || flow.bounded()) {
        continue;
      }
      if (deps(f, i).stream().anyMatch(stopped::contains)) {
        event(
            "letting '"
                + flow.name()
                + "' read what its upstream committed last ("
                + seconds(settle.toNanos())
                + ")");
        Thread.sleep(settle.toMillis());
      }
      stopped.add(i);
      state[i] = State.DONE;
      try {
        String sp =
            clients[i]
                .stopWithSavepoint(
                    true,
                    savepoints.toAbsolutePath().toUri().toString(),
                    SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        results[i] = finished(flow, Outcome.STOPPED, started[i], "drained into " + sp);
      } catch (Exception e) {
        results[i] = finished(flow, Outcome.FAILED, started[i], "stop failed: " + rootMessage(e));
      }
    }
  }

  private static JobClient submit(EmbeddedFlink flink, FactoryFlow flow) throws Exception {
    StreamExecutionEnvironment env = flink.environment();
    CompiledFlow compiled = FlowCompiler.translate(flow.flow(), env);
    return env.executeAsync(compiled.jobName());
  }

  /** Why flow {@code i} cannot start any more, or null. */
  private static String blocked(ValidatedFactory f, int i, Result[] results) {
    for (int d : deps(f, i)) {
      Result r = results[d];
      if (r != null && (r.outcome() == Outcome.FAILED || r.outcome() == Outcome.SKIPPED)) {
        return "it depends on '"
            + r.flow()
            + "', which "
            + (r.outcome() == Outcome.FAILED ? "failed" : "did not run");
      }
    }
    return null;
  }

  /**
   * Whether every flow {@code i} depends on is far enough: bounded done, streaming up (or stopped
   * for a bounded flow).
   */
  private static boolean ready(ValidatedFactory f, int i, State[] state, Result[] results) {
    boolean bounded = f.flows().get(i).bounded();
    for (int d : deps(f, i)) {
      FactoryFlow dep = f.flows().get(d);
      Result r = results[d];
      if (dep.bounded() || bounded) {
        if (r == null || r.outcome() != (dep.bounded() ? Outcome.SUCCEEDED : Outcome.STOPPED)) {
          return false;
        }
      } else if (state[d] != State.RUNNING && (r == null || r.outcome() != Outcome.STOPPED)) {
        return false;
      }
    }
    return true;
  }

  private static boolean waitsOnStreaming(ValidatedFactory f, int i, State[] state) {
    for (int d : deps(f, i)) {
      if (!f.flows().get(d).bounded() && state[d] == State.RUNNING) {
        return true;
      }
    }
    return false;
  }

  private static Set<Integer> deps(ValidatedFactory f, int i) {
    Set<Integer> out = new LinkedHashSet<>();
    for (FactoryEdge e : f.into(i)) {
      out.add(e.from());
    }
    return out;
  }

  private static boolean anyStarting(State[] state) {
    for (State s : state) {
      if (s == State.STARTING) {
        return true;
      }
    }
    return false;
  }

  private static boolean failed(JobClient c) throws Exception {
    return c.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState();
  }

  private static String failure(JobClient c) {
    try {
      c.getJobExecutionResult().get(30, TimeUnit.SECONDS);
      return "ended";
    } catch (Exception e) {
      return rootMessage(e);
    }
  }

  private Result finished(FactoryFlow flow, Outcome o, long startNanos, String detail) {
    Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
    event(
        o.name().toLowerCase(Locale.ROOT)
            + " '"
            + flow.name()
            + "' after "
            + seconds(d.toNanos())
            + ": "
            + detail);
    return new Result(flow.name(), flow.bounded(), o, d, detail);
  }

  /** A flow that does not run, and why. */
  private Result skipped(FactoryFlow flow, String why) {
    event("skipped '" + flow.name() + "': " + why);
    return new Result(flow.name(), flow.bounded(), Outcome.SKIPPED, Duration.ZERO, why);
  }

  private static String kind(FactoryFlow f) {
    return f.bounded() ? "bounded" : "streaming";
  }

  private void event(String text) {
    out.printf(Locale.ROOT, "[%7s] %s%n", seconds(System.nanoTime() - t0), text);
  }

  private void report(List<Result> all) {
    out.printf(Locale.ROOT, "%-32s %-10s %-10s %9s%n", "flow", "kind", "outcome", "duration");
    for (Result r : all) {
      out.printf(
          Locale.ROOT,
          "%-32s %-10s %-10s %9s%n",
          r.flow().length() > 32 ? r.flow().substring(0, 31) + "…" : r.flow(),
          r.bounded() ? "bounded" : "streaming",
          r.outcome().name().toLowerCase(Locale.ROOT),
          seconds(r.duration().toNanos()));
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }

  static String rootMessage(Throwable t) {
    Throwable cur = t;
    String best = t.toString();
    while (cur != null) {
      if (cur.getMessage() != null && !cur.getMessage().isBlank()) {
        best = cur.getClass().getSimpleName() + ": " + cur.getMessage();
      }
      cur = cur.getCause() == cur ? null : cur.getCause();
    }
    return best;
  }
}

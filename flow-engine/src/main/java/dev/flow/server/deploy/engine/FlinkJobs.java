package dev.flow.server.deploy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status, stop and listing of the jobs of one Flink cluster over its REST API; shared by the
 * session engine and the embedded one (whose MiniCluster serves the same API).
 */
final class FlinkJobs {
  private final FlinkRest rest;
  private final String webUrl;
  private final String savepointDir;
  private final Duration savepointTimeout;

  /**
   * @param webUrl the web UI's base URL shown to users (null when the cluster has no web UI)
   * @param savepointDir where stop-with-savepoint writes, null for the cluster's default
   */
  FlinkJobs(FlinkRest rest, String webUrl, String savepointDir, Duration savepointTimeout) {
    this.rest = rest;
    this.webUrl = webUrl;
    this.savepointDir = savepointDir;
    this.savepointTimeout = savepointTimeout;
  }

  JobStatus status(JobRef job) throws EngineException {
    FlinkRest.Answer a = rest.get("/jobs/" + job.jobId());
    if (a.status() == 404) {
      return JobStatus.notFound(job);
    }
    if (!a.ok()) {
      throw new EngineException("Flink could not report job " + job.jobId() + ": " + a.errors());
    }
    return statusOf(new JobRef(job.jobId(), a.body().path("name").asText(job.name())), a.body());
  }

  List<JobStatus> jobs() throws EngineException {
    FlinkRest.Answer a = rest.get("/jobs/overview");
    if (!a.ok()) {
      throw new EngineException("Flink could not list its jobs: " + a.errors());
    }
    List<JobStatus> all = new ArrayList<>();
    for (JsonNode j : a.body().path("jobs")) {
      all.add(statusOf(new JobRef(j.path("jid").asText(), j.path("name").asText()), j));
    }
    return all;
  }

  private JobStatus statusOf(JobRef ref, JsonNode job) throws EngineException {
    String flinkState = job.path("state").asText();
    JobState state = JobState.ofFlink(flinkState);
    if (state == JobState.RUNNING && !allTasksRunning(job)) {
      // Flink calls a job RUNNING while its tasks still wait for slots or deploy.
      state = JobState.STARTING;
    }
    long start = job.path("start-time").asLong(-1);
    String cause = null;
    long restarts = 0;
    FlinkRest.Answer ex = rest.get("/jobs/" + ref.jobId() + "/exceptions?maxExceptions=1");
    if (ex.ok()) {
      JsonNode entries = ex.body().path("exceptionHistory").path("entries");
      if (entries.size() > 0) {
        cause = rootCause(entries.get(0));
      }
    }
    FlinkRest.Answer m = rest.get("/jobs/" + ref.jobId() + "/metrics?get=numRestarts");
    if (m.ok() && m.body().size() > 0) {
      restarts = m.body().get(0).path("value").asLong(0);
    }
    String link =
        webUrl == null
            ? null
            : webUrl
                + "/#/job/"
                + (state.terminal() ? "completed" : "running")
                + "/"
                + ref.jobId()
                + "/overview";
    return new JobStatus(
        ref,
        state,
        flinkState,
        restarts,
        cause,
        link,
        start > 0 ? Instant.ofEpochMilli(start) : null);
  }

  /**
   * Flow's per-stage counters of the job: for each vertex, the operator metrics named {@code
   * <operator>.stage.<stage>.<counter>}, summed over the subtasks by Flink, then over the operators
   * here (a stage's records in and out may be counted by different operators).
   */
  JobMetrics metrics(JobRef job) throws EngineException {
    FlinkRest.Answer a = rest.get("/jobs/" + job.jobId());
    if (a.status() == 404) {
      return JobMetrics.none();
    }
    if (!a.ok()) {
      throw new EngineException("Flink could not report job " + job.jobId() + ": " + a.errors());
    }
    Map<String, long[]> byStage = new LinkedHashMap<>();
    for (JsonNode v : a.body().path("vertices")) {
      String base =
          "/jobs/" + job.jobId() + "/vertices/" + v.path("id").asText() + "/subtasks/metrics";
      FlinkRest.Answer names = rest.get(base);
      if (!names.ok()) {
        continue;
      }
      List<String> wanted = new ArrayList<>();
      for (JsonNode n : names.body()) {
        if (stageCounter(n.path("id").asText()) != null) {
          wanted.add(n.path("id").asText());
        }
      }
      if (wanted.isEmpty()) {
        continue;
      }
      FlinkRest.Answer values =
          rest.get(
              base
                  + "?agg=sum&get="
                  + URLEncoder.encode(String.join(",", wanted), StandardCharsets.UTF_8));
      if (!values.ok()) {
        continue;
      }
      for (JsonNode m : values.body()) {
        String[] sc = stageCounter(m.path("id").asText());
        if (sc == null) {
          continue;
        }
        long[] c = byStage.computeIfAbsent(sc[0], k -> new long[3]);
        long value = (long) m.path("sum").asDouble(0);
        switch (sc[1]) {
          case "recordsIn" -> c[0] += value;
          case "recordsOut" -> c[1] += value;
          default -> c[2] += value;
        }
      }
    }
    List<JobMetrics.Stage> stages = new ArrayList<>();
    byStage.forEach((k, c) -> stages.add(new JobMetrics.Stage(k, c[0], c[1], c[2])));
    return new JobMetrics(stages, Instant.now());
  }

  /**
   * The stage and counter of an operator metric {@code <operator>.stage.<stage>.<counter>}, or null
   * when it is not one of Flow's stage counters.
   */
  static String[] stageCounter(String metric) {
    int dot = metric.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    String counter = metric.substring(dot + 1);
    if (!counter.equals("recordsIn")
        && !counter.equals("recordsOut")
        && !counter.equals("errors")) {
      return null;
    }
    String head = metric.substring(0, dot);
    int at = head.startsWith("stage.") ? 0 : head.lastIndexOf(".stage.") + 1;
    if (at == 0 && !head.startsWith("stage.")) {
      return null;
    }
    String stage = head.substring(at + "stage.".length());
    // The flow's own stages only: the error and runs stages of its settings count what they
    // write too, but they are not stages of the flow. Flink's REST API writes spaces as '_'.
    String plain = stage.replace('_', ' ');
    if (stage.isEmpty()
        || plain.startsWith("Error Records - ")
        || plain.startsWith("Run Records - ")) {
      return null;
    }
    return new String[] {stage, counter};
  }

  private static boolean allTasksRunning(JsonNode job) {
    if (job.has("vertices")) {
      for (JsonNode v : job.path("vertices")) {
        String st = v.path("status").asText();
        if (!st.equals("RUNNING") && !st.equals("FINISHED")) {
          return false;
        }
      }
      return true;
    }
    JsonNode t = job.path("tasks");
    return t.isMissingNode()
        || t.path("running").asInt() + t.path("finished").asInt() == t.path("total").asInt();
  }

  /** The innermost cause of an exception history entry: its last "Caused by:" line. */
  static String rootCause(JsonNode entry) {
    String trace = entry.path("stacktrace").asText("");
    String cause = null;
    for (String line : trace.split("\n")) {
      if (line.startsWith("Caused by: ")) {
        cause = line.substring("Caused by: ".length()).strip();
      }
    }
    if (cause != null) {
      return cause;
    }
    String first = trace.lines().findFirst().orElse("").strip();
    return first.isEmpty() ? entry.path("exceptionName").asText(null) : first;
  }

  String stop(JobRef job, boolean savepoint) throws EngineException {
    if (!savepoint) {
      FlinkRest.Answer a = rest.patch("/jobs/" + job.jobId() + "?mode=cancel");
      if (!a.ok()) {
        throw new EngineException("Flink could not cancel job " + job.jobId() + ": " + a.errors());
      }
      awaitTerminal(job);
      return null;
    }
    awaitEveryTaskRunning(job);
    var body = rest.object().put("drain", false);
    if (savepointDir != null) {
      body.put("targetDirectory", savepointDir);
    }
    FlinkRest.Answer a = rest.post("/jobs/" + job.jobId() + "/stop", body);
    if (!a.ok()) {
      throw new EngineException(
          "Flink could not stop job " + job.jobId() + " with a savepoint: " + a.errors());
    }
    String trigger = a.body().path("request-id").asText();
    long deadline = System.nanoTime() + savepointTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      FlinkRest.Answer s = rest.get("/jobs/" + job.jobId() + "/savepoints/" + trigger);
      if (s.ok() && "COMPLETED".equals(s.body().path("status").path("id").asText())) {
        JsonNode op = s.body().path("operation");
        if (op.has("location")) {
          awaitTerminal(job);
          return op.path("location").asText();
        }
        throw new EngineException(
            "the savepoint of job "
                + job.jobId()
                + " failed: "
                + op.path("failure-cause")
                    .path("stack-trace")
                    .asText("")
                    .lines()
                    .findFirst()
                    .orElse("unknown cause"));
      }
      sleep(200);
    }
    throw new EngineException(
        "the savepoint of job " + job.jobId() + " did not complete within " + savepointTimeout);
  }

  /**
   * Waits until the job runs every task, as a savepoint needs: a job that was just submitted (or is
   * restarting) refuses one. A job that ends, or does not run within the savepoint timeout, is an
   * error that says so.
   */
  private void awaitEveryTaskRunning(JobRef job) throws EngineException {
    long deadline = System.nanoTime() + savepointTimeout.toNanos();
    JobStatus s = status(job);
    while (s.state() != JobState.RUNNING) {
      if (s.state().terminal()) {
        throw new EngineException(
            "job "
                + job.jobId()
                + " has ended ("
                + s.flinkState()
                + "); it cannot take a savepoint");
      }
      if (System.nanoTime() >= deadline) {
        throw new EngineException(
            "job "
                + job.jobId()
                + " did not run every task within "
                + savepointTimeout
                + " (it is "
                + s.state()
                + (s.rootCause() == null ? "" : ": " + s.rootCause())
                + "); a savepoint needs every task running");
      }
      sleep(100);
      s = status(job);
    }
  }

  private void awaitTerminal(JobRef job) throws EngineException {
    long deadline = System.nanoTime() + savepointTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      JobStatus s = status(job);
      if (s.state() == JobState.NOT_FOUND
          || java.util.Set.of("FAILED", "FINISHED", "CANCELED").contains(s.flinkState())) {
        return;
      }
      sleep(100);
    }
    throw new EngineException("job " + job.jobId() + " did not end within " + savepointTimeout);
  }

  static void sleep(long millis) throws EngineException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted", e);
    }
  }
}

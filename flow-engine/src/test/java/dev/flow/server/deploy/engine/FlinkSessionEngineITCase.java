package dev.flow.server.deploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.parse.ParameterSets.Parameter;
import dev.flow.server.deploy.engine.testing.StandaloneCluster;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The flink-session engine on the real standalone cluster of {@code deploy/local}: submit, status,
 * stop with a savepoint, resume from it exactly once, cancel, a refused flow, the jar uploaded
 * once, a failed job's root cause, and the secret nowhere in Flink.
 */
class FlinkSessionEngineITCase {
  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  static final String SECRET = "pw-" + Long.toHexString(System.nanoTime()) + "-never-shown";
  static StandaloneCluster cluster;
  static FlowFileServer files;
  static FlinkSessionEngine engine;

  @BeforeAll
  static void start() throws Exception {
    cluster = StandaloneCluster.start("session", 1, 4);
    files = new FlowFileServer(new InetSocketAddress("localhost", 0), null, Duration.ofMinutes(2));
    engine =
        new FlinkSessionEngine(
            cluster.restUrl(),
            Path.of(System.getProperty("flow.job.jar", "../flow-job/target/flow-job.jar")),
            cluster.savepointDir().toUri().toString(),
            files);
  }

  @AfterAll
  static void stop() throws Exception {
    if (files != null) {
      files.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static Map<String, Map<String, Parameter>> params() {
    return Map.of(
        "kafka",
        Map.of(
            "bootstrap", new Parameter(KAFKA.bootstrapServers(), false),
            "password", new Parameter(SECRET, true)));
  }

  static JobRequest request(String name, String yaml) {
    return new JobRequest(name, name + ".yaml", yaml, params(), null, false);
  }

  static JobStatus awaitState(JobRef job, JobState state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JobStatus s = engine.status(job);
    while (s.state() != state && System.nanoTime() < deadline) {
      Thread.sleep(200);
      s = engine.status(job);
    }
    assertThat(s.state()).as("state of %s: %s", job, s).isEqualTo(state);
    return s;
  }

  static List<String> ids(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "{\"id\":" + i + ",\"payload\":\"r" + i + "\"}")
        .toList();
  }

  @Test
  void runsStopsWithASavepointAndResumesFromItExactlyOnce() throws Exception {
    KAFKA.createTopic("s-in", 2);
    KAFKA.createTopic("s-out", 2);
    String yaml = TestFlows.dedupe("s-in", "s-out", "unique", "");
    JobRef job = engine.submit(request("dedupe-orders", yaml));
    assertThat(job.jobId()).matches("[0-9a-f]{32}");
    JobStatus running = awaitState(job, JobState.RUNNING);
    assertThat(running.webUrl())
        .isEqualTo(cluster.restUrl() + "/#/job/running/" + job.jobId() + "/overview");
    assertThat(files.pending()).as("one-time links left unused").isZero();

    KAFKA.produce("s-in", ids(1, 40));
    assertThat(KAFKA.readCommittedValues("s-out", 40, Duration.ofSeconds(60))).hasSize(40);

    String savepoint = engine.stop(job, true);
    assertThat(savepoint).startsWith("file:").contains(cluster.savepointDir().toString());
    assertThat(Path.of(URI.create(savepoint)).resolve("_metadata")).exists();
    // Flink reports a job stopped with a savepoint as FINISHED.
    assertThat(engine.status(job).state()).isEqualTo(JobState.FINISHED);

    // Records 1..10 again while stopped, then 41..60: the restored Deduplicate state drops the
    // repeats, and the exactly-once sink neither loses nor repeats a record across the stop.
    KAFKA.produce("s-in", ids(1, 10));
    JobRef resumed = engine.submit(request("dedupe-orders", yaml).fromSavepoint(savepoint, false));
    awaitState(resumed, JobState.RUNNING);
    KAFKA.produce("s-in", ids(41, 60));
    List<String> out = KAFKA.readCommittedValues("s-out", 60, Duration.ofSeconds(60));
    Thread.sleep(3000);
    out = KAFKA.readCommittedValues("s-out", 60, Duration.ofSeconds(10));
    assertThat(out).containsExactlyInAnyOrderElementsOf(ids(1, 60));

    engine.stop(resumed, false);
    assertThat(engine.status(resumed).flinkState()).isEqualTo("CANCELED");
    assertThat(engine.jobs())
        .extracting(s -> s.ref().jobId())
        .contains(job.jobId(), resumed.jobId());

    // The jar went up once, under its checksum's name.
    String jars = get("/jars");
    assertThat(jars.split("\"name\":\"flow-job-", -1)).hasSize(2);

    // The secret is in no job argument, job configuration, plan or log line.
    for (JobRef j : List.of(job, resumed)) {
      assertThat(get("/jobs/" + j.jobId())).doesNotContain(SECRET);
      assertThat(get("/jobs/" + j.jobId() + "/config"))
          .doesNotContain(SECRET)
          .doesNotContain("ssl.key");
      assertThat(get("/jobs/" + j.jobId() + "/plan")).doesNotContain(SECRET);
    }
    assertThat(get("/jobmanager/config")).doesNotContain(SECRET);
    assertThat(cluster.logs()).contains("ssl.key.password = [hidden]").doesNotContain(SECRET);
  }

  @Test
  void anInvalidFlowIsRefusedWithItsLocatedProblems() {
    String yaml =
        TestFlows.dedupe("x-in", "x-out", "unique", "")
            .replace("keyField: id\n      ttl", "keyFeld: id\n      ttl");
    assertThatThrownBy(() -> engine.submit(request("broken", yaml)))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> {
              assertThat(e.problems()).isNotEmpty();
              assertThat(e.problems().get(0).format())
                  .startsWith("broken.yaml:")
                  .contains("keyFeld");
            });
  }

  @Test
  void aJobThatCannotRestartFailsWithItsRootCause() throws Exception {
    KAFKA.createTopic("f-in", 1);
    KAFKA.createTopic("f-out", 1);
    String yaml = TestFlows.dedupe("f-in", "f-out", "unique", "  restart:\n    strategy: none");
    JobRef job = engine.submit(request("fails", yaml));
    awaitState(job, JobState.RUNNING);
    cluster.killTaskManager();
    try {
      JobStatus failed = awaitState(job, JobState.FAILED);
      assertThat(failed.rootCause()).isNotBlank().containsIgnoringCase("tm-");
      assertThat(failed.webUrl()).contains("/#/job/completed/" + job.jobId());
    } finally {
      cluster.addTaskManager();
    }
  }

  static String get(String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(cluster.restUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }
}

package dev.flow.server.deploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.parse.ParameterSets.Parameter;
import java.nio.file.Files;
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
 * The embedded engine: a Kafka, Deduplicate, Kafka flow submitted, stopped with a savepoint,
 * resumed from it exactly once, and a renamed stateful stage refused with its located problem.
 */
class LocalEngineITCase {
  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
  static LocalEngine engine;

  @BeforeAll
  static void start() throws Exception {
    Path dir =
        Files.createDirectories(Path.of("target", "local-engine-" + ProcessHandle.current().pid()));
    engine = new LocalEngine(dir, 4);
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  static JobRequest request(String yaml) {
    return new JobRequest(
        "orders",
        "orders.yaml",
        yaml,
        Map.of(
            "kafka",
            Map.of(
                "bootstrap", new Parameter(KAFKA.bootstrapServers(), false),
                "password", new Parameter("local-secret", true))),
        null,
        false);
  }

  static JobStatus await(JobRef job, JobState state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JobStatus s = engine.status(job);
    while (s.state() != state && System.nanoTime() < deadline) {
      Thread.sleep(100);
      s = engine.status(job);
    }
    assertThat(s.state()).as("%s", s).isEqualTo(state);
    return s;
  }

  static List<String> ids(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "{\"id\":" + i + "}").toList();
  }

  @Test
  void stopsWithASavepointResumesAndRefusesARenamedStatefulStage() throws Exception {
    KAFKA.createTopic("l-in", 1);
    KAFKA.createTopic("l-out", 1);
    String yaml = TestFlows.dedupe("l-in", "l-out", "unique", "");
    JobRef job = engine.submit(request(yaml));
    JobStatus running = await(job, JobState.RUNNING);
    assertThat(running.webUrl()).startsWith(engine.restUrl() + "/#/job/running/" + job.jobId());
    KAFKA.produce("l-in", ids(1, 20));
    assertThat(KAFKA.readCommittedValues("l-out", 20, Duration.ofSeconds(30))).hasSize(20);

    String savepoint = engine.stop(job, true);
    assertThat(savepoint).startsWith("file:");

    String renamed = TestFlows.dedupe("l-in", "l-out", "dedupe", "");
    assertThatThrownBy(() -> engine.submit(request(renamed).fromSavepoint(savepoint, false)))
        .isInstanceOfSatisfying(
            EngineException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p ->
                            assertThat(p.format())
                                .startsWith("orders.yaml:")
                                .contains(
                                    "stage \"dedupe\" (Deduplicate): has no state in the savepoint")));
    assertThat(engine.jobs()).filteredOn(s -> !s.state().terminal()).isEmpty();

    KAFKA.produce("l-in", ids(15, 30));
    JobRef resumed = engine.submit(request(yaml).fromSavepoint(savepoint, false));
    await(resumed, JobState.RUNNING);
    KAFKA.readCommittedValues("l-out", 30, Duration.ofSeconds(30));
    Thread.sleep(2000);
    assertThat(KAFKA.readCommittedValues("l-out", 30, Duration.ofSeconds(5)))
        .containsExactlyInAnyOrderElementsOf(ids(1, 30));
    engine.stop(resumed, false);
    assertThat(engine.status(resumed).flinkState()).isEqualTo("CANCELED");
  }

  @Test
  void aStopWithASavepointRightAfterTheSubmitWaitsUntilTheJobRunsEveryTask() throws Exception {
    String ticker =
        """
        name: ticker
        stages:
          - name: ticks
            action: Generator
            props: {fields: {id: seq}, rate: 10}
            out: [drop]
          - name: drop
            action: Trash
            props: {}
        """;
    for (int i = 0; i < 3; i++) {
      JobRef job = engine.submit(request(ticker));
      // No wait: a user who clicks Upgrade just after Deploy meets a job that is initializing.
      assertThat(engine.stop(job, true)).startsWith("file:");
      assertThat(engine.status(job).flinkState()).isEqualTo("FINISHED");
    }
  }
}

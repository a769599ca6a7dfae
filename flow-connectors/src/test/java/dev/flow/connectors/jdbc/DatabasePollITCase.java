package dev.flow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.connectors.testing.Postgres;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.TestFlows;
import dev.flow.testing.TestFlows.Collect;
import dev.flow.testing.TestFlows.CollectPublisher;
import dev.flow.translate.FlowTranslator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Database Poll trigger on a MiniCluster against an embedded PostgreSQL. */
class DatabasePollITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  static Postgres pg;

  @BeforeAll
  static void start() throws Exception {
    pg = Postgres.start("embedded-pg-poll-unit");
    pg.execute(
        "create table ties (id int primary key, at timestamptz not null)",
        "create table events (id bigserial primary key, name text,"
            + " at timestamptz not null default clock_timestamp())",
        "create table measures (id int primary key, v double precision)",
        "insert into measures values (1, 1.5), (2, 'NaN'), (3, 2.5)");
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  static DatabasePollOptions options(
      String url, String table, String pos, String key, Duration delay, int batch, int retries) {
    return new DatabasePollOptions(
        url,
        null,
        null,
        table,
        null,
        pos,
        key,
        null,
        Duration.ofMillis(100),
        delay,
        batch,
        Duration.ofSeconds(5),
        retries,
        Duration.ofMillis(100));
  }

  static JobClient start(String name, DatabasePollOptions o) throws Exception {
    var flow =
        new TestFlows.Builder(name)
            .stage("changes", new DatabasePollTriggerFactory(), o, "out")
            .stage("out", new CollectPublisher(), new Collect(name))
            .errors(name + "-errors")
            .settings(TestFlows.noRestart())
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    return env.executeAsync(name);
  }

  static List<Integer> ids(String name) {
    return CollectSink.received(name).stream().map(r -> r.get("id").asInt()).toList();
  }

  @Test
  void rowsWithEqualPositionsAreNeitherSkippedNorRepeatedAcrossPages() throws Exception {
    pg.execute(
        "insert into ties select i, timestamptz '2026-01-01T00:00:00Z'"
            + " from generate_series(1, 12) i");
    JobClient job = start("poll-ties", options(pg.url(), "ties", "at", "id", null, 5, 3));
    try {
      waitUntil(() -> ids("poll-ties").size() >= 12, "12 rows");
      // Committed later with the position already read, but a larger key: still read once.
      pg.execute(
          "insert into ties select i, timestamptz '2026-01-01T00:00:00Z'"
              + " from generate_series(13, 15) i",
          "insert into ties values (16, timestamptz '2026-01-01T00:00:01Z')");
      waitUntil(() -> ids("poll-ties").size() >= 16, "16 rows");
      Thread.sleep(1000);
      assertThat(ids("poll-ties")).isEqualTo(IntStream.rangeClosed(1, 16).boxed().toList());
      assertThat(CollectSink.received("poll-ties").get(0).toJson())
          .isEqualTo("{\"id\":1,\"at\":\"2026-01-01T00:00:00Z\"}");
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void aDelayKeepsRowsOfTransactionsThatCommitLate() throws Exception {
    List<String> withoutDelay = lateCommit("poll-nodelay", Duration.ZERO);
    List<String> withDelay = lateCommit("poll-delay", Duration.ofMillis(1500));
    // Without a delay the row committed late, with a lower timestamp, is skipped for good.
    assertThat(withoutDelay).containsExactly("early");
    assertThat(withDelay).containsExactly("late", "early");
  }

  private List<String> lateCommit(String name, Duration delay) throws Exception {
    pg.execute("truncate events");
    JobClient job = start(name, options(pg.url(), "events", "at", "id", delay, 100, 3));
    try (Connection slow = pg.connect()) {
      Thread.sleep(500);
      slow.setAutoCommit(false);
      try (Statement st = slow.createStatement()) {
        st.execute("insert into events (name) values ('late')");
      }
      pg.execute("insert into events (name) values ('early')");
      Thread.sleep(700);
      slow.commit();
      Thread.sleep(delay.toMillis() + 1500);
      return CollectSink.received(name).stream().map(r -> r.get("name").asText()).toList();
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void aRowThatCannotBeARecordIsAnErrorRecordNamingItsTableAndPosition() throws Exception {
    JobClient job = start("poll-nan", options(pg.url(), "measures", "id", null, null, 10, 3));
    try {
      waitUntil(
          () -> ids("poll-nan").size() >= 2 && !CollectSink.received("poll-nan-errors").isEmpty(),
          "2 rows and an error record");
      assertThat(ids("poll-nan")).containsExactly(1, 3);
      // Each record says where it came from: the table and the row's position.
      assertThat(CollectSink.received("poll-nan").get(1).meta().toString())
          .isEqualTo("{\"table\":\"measures\",\"position\":\"3\"}");
      var error = CollectSink.received("poll-nan-errors").get(0).asObjectNode();
      assertThat(error.get("error").asText()).isEqualTo("column 'v': NaN is not a JSON number");
      assertThat(error.get("origin").toString())
          .isEqualTo("{\"table\":\"measures\",\"position\":\"2\"}");
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void anUnreachableDatabaseIsRetriedThenFailsTheJobClearly() throws Exception {
    int port = TestFlows.freePort();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop";
    JobClient job = start("poll-dead", options(url, "ties", "at", "id", null, 5, 2));
    assertThatThrownBy(() -> job.getJobExecutionResult().get())
        .satisfies(
            e ->
                assertThat(ExceptionUtils.findThrowableWithMessage(e, "cannot reach"))
                    .get()
                    .extracting(Throwable::getMessage)
                    .asString()
                    .startsWith(
                        "stage \"changes\" (Database Poll): cannot reach the database after 3"
                            + " attempts: Connection to 127.0.0.1:"
                            + port
                            + " refused"));
  }

  static void waitUntil(BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}

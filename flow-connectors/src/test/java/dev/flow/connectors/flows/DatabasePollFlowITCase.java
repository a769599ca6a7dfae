package dev.flow.connectors.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.connectors.testing.Postgres;
import dev.flow.record.Json;
import dev.flow.testing.FlowMiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Database Poll flow compiled from YAML, writing exactly-once files, while rows are inserted and
 * the TaskManager is killed twice: every row arrives exactly once, rows that share a timestamp
 * included, and the row that cannot become JSON is in the error files once.
 */
class DatabasePollFlowITCase {

  static final int ROWS = 600;

  @RegisterExtension static final MiniClusterExtension FLINK = FlowMiniCluster.extension();

  static Postgres pg;

  @BeforeAll
  static void start() throws Exception {
    pg = Postgres.start("embedded-pg-poll");
    pg.execute(
        "create table signups (id bigint primary key, email text, updated_at timestamptz,"
            + " score numeric, profile jsonb, active boolean)");
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  static final String FLOW =
      """
      name: Poll signups
      settings:
        checkpointing:
          interval: 500ms
        restart:
          strategy: fixed-delay
          attempts: 20
          delay: 500ms
        errors:
          action: Write to File
          props: {path: '%2$s/errors', rollInterval: 1s, inactivity: 1s}
      stages:
        - name: signups
          action: Database Poll
          props:
            url: '%1$s'
            table: signups
            positionColumn: updated_at
            keyColumn: id
            interval: 200ms
            batchSize: 7
          out: [lake]
        - name: lake
          action: Write to File
          props: {path: '%2$s/out', rollInterval: 1s, inactivity: 1s}
          out: []
      """;

  /** Rows come in groups of five sharing one timestamp; pages of 7 split the groups. */
  static String insert(int from, int to) {
    StringBuilder sql =
        new StringBuilder("insert into signups (id, email, updated_at, score, profile, active)");
    sql.append(" values ");
    for (int id = from; id < to; id++) {
      if (id > from) {
        sql.append(", ");
      }
      sql.append(
          String.format(
              "(%d, 'u%d@x.org', timestamptz '2026-01-01T00:00:00Z' + interval '%d seconds',"
                  + " %s, '{\"plan\":\"p%d\"}', %s)",
              id, id, id / 5, id == 42 ? "'NaN'" : id + ".5", id % 3, id % 2 == 0));
    }
    return sql.toString();
  }

  @Test
  void everyRowStartsExactlyOneRunThroughTaskManagerFailures(
      @InjectMiniCluster MiniCluster cluster, @TempDir Path dir) throws Exception {
    pg.execute(insert(0, 100));
    JobClient job = FlowRunner.start(String.format(FLOW, pg.url(), dir), "poll.yaml");
    AtomicInteger inserted = new AtomicInteger(100);
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              try {
                while (!stop.get() || inserted.get() < ROWS) {
                  Thread.sleep(150);
                  int from = inserted.get();
                  if (from < ROWS) {
                    pg.execute(insert(from, from + 20));
                    inserted.set(from + 20);
                  }
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    try {
      try {
        FlowRunner.failTaskManagers(
            cluster, job.getJobID(), 2, () -> lines(dir.resolve("out")).size());
      } finally {
        stop.set(true);
        writer.join();
      }
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (lines(dir.resolve("out")).size() < ROWS - 1 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      Thread.sleep(2500);
      List<String> out = lines(dir.resolve("out"));
      Map<Long, Integer> seen = FlowRunner.countIds(out);
      List<Long> repeated =
          seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
      System.out.printf(
          "database poll exactly-once: rows=%d out=%d distinct=%d repeated=%d%n",
          ROWS, out.size(), seen.size(), repeated.size());
      assertThat(repeated).isEmpty();
      assertThat(out).hasSize(ROWS - 1);
      for (long id = 0; id < ROWS; id++) {
        assertThat(seen.containsKey(id)).as("row %d", id).isEqualTo(id != 42);
      }
      assertThat(out)
          .contains(
              "{\"id\":7,\"email\":\"u7@x.org\",\"updated_at\":\"2026-01-01T00:00:01Z\","
                  + "\"score\":7.5,\"profile\":{\"plan\":\"p1\"},\"active\":false}");
      List<String> errors = lines(dir.resolve("errors"));
      assertThat(errors).hasSize(1);
      var e = Json.MAPPER.readTree(errors.get(0));
      assertThat(e.get("stage").asText()).isEqualTo("signups");
      assertThat(e.get("action").asText()).isEqualTo("Database Poll");
      assertThat(e.get("error").asText()).isEqualTo("column 'score': NaN is not a JSON number");
      assertThat(e.get("record").get("id").asInt()).isEqualTo(42);
    } finally {
      job.cancel().get();
    }
  }

  /** The lines of the finished part files under {@code dir} (not in-progress ones). */
  static List<String> lines(Path dir) {
    List<String> all = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return all;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        if (!f.getFileName().toString().startsWith(".")) {
          all.addAll(Files.readAllLines(f));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return all;
  }
}

package dev.flow.connectors.counts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flow.FlowCompiler;
import dev.flow.connectors.counts.StageCounters.Counts;
import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.connectors.testing.KinesisEmulator;
import dev.flow.connectors.testing.Postgres;
import dev.flow.parse.FlowParser;
import dev.flow.validate.FlowValidator;
import dev.flow.validate.ValidatedFlow;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every packaged action with good and bad records, against real peers where it needs one, and
 * checks the counters the framework registers under each stage's name: records in = out + filtered
 * + errors, for every stage that makes at most one record of each record it takes. Explode,
 * Accumulate and Reduce make records of their own; their exact counts are checked.
 */
class StageCountsITCase {

  @RegisterExtension
  @Order(1)
  static final KafkaBroker KAFKA = new KafkaBroker();

  @RegisterExtension
  @Order(2)
  static final KinesisEmulator KINESIS = new KinesisEmulator();

  @RegisterExtension
  @Order(3)
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(StageCounters.configuration())
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .build());

  /** The stages that make a different number of records than they take. */
  static final Set<String> RESHAPING = Set.of("explode", "accumulate", "reduce");

  static Postgres pg;
  static HttpServer http;

  @BeforeAll
  static void start() throws Exception {
    pg = Postgres.start("embedded-pg-counts");
    pg.execute(
        "create table customers (domain text primary key, name text)",
        "insert into customers values ('acme.com', 'Acme')",
        "create table accounts (id bigint primary key, domain text check (domain <> 'unknown.org'))",
        "create table signups (id bigint primary key, score numeric)",
        "insert into signups values (1, 1.5), (2, 'NaN'), (3, 3.5)");
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // /users/1 and /post/1 answer 200; /users/2 is 404 and /post/2 is 400, which are not retried.
    http.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          ex.getRequestBody().readAllBytes();
          int status = path.endsWith("/1") ? 200 : path.startsWith("/users/") ? 404 : 400;
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(status, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    http.start();
    KAFKA.createTopic("in", 1);
    KAFKA.createTopic("out", 1);
    KINESIS.createStream("k-in", 1);
    KINESIS.createStream("k-out", 1);
  }

  @AfterAll
  static void stop() throws Exception {
    http.stop(0);
    pg.close();
  }

  @BeforeEach
  void resetCounters() {
    StageCounters.reset();
  }

  static JobClient start(String yaml) throws Exception {
    ValidatedFlow flow =
        new FlowValidator(FlowCompiler.registry())
            .validate(new FlowParser(FlowParser.Options.defaults()).parse(yaml, "counts.yaml"));
    assertThat(flow.problems()).isEmpty();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowCompiler.translate(flow, env);
    return env.executeAsync(flow.def().name());
  }

  static void run(String yaml) throws Exception {
    start(yaml).getJobExecutionResult().get();
  }

  /** Asserts each stage's exact counts, and the invariant for the stages that do not reshape. */
  static void assertCounts(Map<String, Counts> expected) {
    Map<String, Counts> actual = new TreeMap<>();
    expected.keySet().forEach(s -> actual.put(s, StageCounters.of(s)));
    assertThat(actual).isEqualTo(new TreeMap<>(expected));
    expected.forEach(
        (stage, c) -> {
          if (!RESHAPING.contains(stage)) {
            assertThat(c.in()).as(stage).isEqualTo(c.out() + c.filtered() + c.errors());
          }
        });
  }

  static Counts c(long in, long out, long filtered, long errors) {
    return new Counts(in, out, filtered, errors);
  }

  @Test
  void recordActionsFileAndLogCountEveryRecordOnce(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(
        input,
        """
        {"id":1,"user":"a","amount":5,"items":[1,2]}
        {"id":2,"user":"a","amount":20,"items":[3]}
        {"id":3,"amount":"lots","items":"none"}
        not json
        """);
    String targets =
        "[filter, map, remap, validate, explode, dedupe, accumulate, reduce, checked, lake]";
    run(
        """
        name: Record counts
        settings:
          errors: {action: Trash}
        stages:
          - name: file
            action: Read File
            props: {path: '%s'}
            out: %s
          - name: filter
            action: Filter
            props: {condition: 'amount > 10'}
            out: [log]
          - name: map
            action: Map
            props: {fields: {double: 'amount * 2'}}
            out: [end]
          - name: remap
            action: Remap Fields
            props: {rename: {user: name}, strict: true}
            out: [end]
          - name: validate
            action: Validate
            props: {schema: {type: object, required: [user]}}
            out: [end]
          - name: explode
            action: Explode
            props: {field: items, as: item}
            out: [end]
          - name: dedupe
            action: Deduplicate
            props: {keyField: user}
            out: [end]
          - name: accumulate
            action: Accumulate
            props: {keyField: user, maxRecords: 10}
            out: [end]
          - name: reduce
            action: Reduce
            props: {keyField: user, aggregates: {n: count}}
            out: [end]
          - name: checked
            action: Trash
            props:
              expectedInput: {schema: {type: object, required: [user]}, onMismatch: reject}
            out: []
          - name: lake
            action: Write to File
            props: {path: '%s'}
            out: []
          - name: log
            action: Log
            props: {}
            out: []
          - name: end
            action: Trash
            props: {}
            out: []
        """
            .formatted(input, targets, dir.resolve("lake")));
    Map<String, Counts> expected = new TreeMap<>();
    expected.put("file", c(4, 3, 0, 1));
    expected.put("filter", c(3, 1, 1, 1));
    expected.put("map", c(3, 2, 0, 1));
    expected.put("remap", c(3, 2, 0, 1));
    expected.put("validate", c(3, 2, 0, 1));
    expected.put("explode", c(3, 3, 0, 1));
    expected.put("dedupe", c(3, 1, 1, 1));
    expected.put("accumulate", c(3, 1, 0, 1));
    expected.put("reduce", c(3, 1, 0, 1));
    expected.put("checked", c(3, 2, 0, 1));
    expected.put("lake", c(3, 3, 0, 0));
    expected.put("log", c(1, 1, 0, 0));
    expected.put("end", c(12, 12, 0, 0));
    assertCounts(expected);
  }

  @Test
  void generatingTriggersCountWhatTheyEmit() throws Exception {
    run(
        """
        name: Trigger counts
        stages:
          - name: gen
            action: Generator
            props: {count: 3, rate: 0, fields: {id: seq}}
            out: [end]
          - name: inline
            action: Inline Records
            props: {records: [{a: 1}, {a: 2}]}
            out: [end]
          - name: nexmark
            action: Nexmark
            props: {count: 5}
            out: [end]
          - name: ticks
            action: Schedule
            props: {interval: 10ms, count: 2}
            out: [end]
          - name: end
            action: Trash
            props: {}
            out: []
        """);
    assertCounts(
        Map.of(
            "gen", c(3, 3, 0, 0),
            "inline", c(2, 2, 0, 0),
            "nexmark", c(5, 5, 0, 0),
            "ticks", c(2, 2, 0, 0),
            "end", c(12, 12, 0, 0)));
  }

  @Test
  void ioActionsCountWhatTheyWroteAndWhatWasRefused() throws Exception {
    KAFKA.produce(
        "in",
        List.of(
            "{\"id\":1,\"domain\":\"acme.com\"}",
            "{\"id\":2,\"domain\":\"unknown.org\"}",
            "not json"));
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    run(
        """
        name: IO counts
        settings:
          errors: {action: Trash}
        stages:
          - name: kafka in
            action: Kafka Trigger
            props: {bootstrapServers: '%1$s', topics: [in], startFrom: earliest, bounded: true}
            out: [fetch, lookup, jdbc, http, kafka out, kinesis out]
          - name: fetch
            action: Fetch
            props: {url: '%2$s/users/{id}', retries: 0}
            out: [end]
          - name: lookup
            action: Lookup
            props:
              url: '%3$s'
              query: 'select name from customers where domain = :domain'
              onNoRow: error
            out: [end]
          - name: jdbc
            action: JDBC
            props: {url: '%3$s', table: accounts, columns: {id: id, domain: domain}, batchSize: 10}
            out: []
          - name: http
            action: HTTP
            props: {url: '%2$s/post/{id}', retries: 0}
            out: []
          - name: kafka out
            action: Kafka Publisher
            props:
              bootstrapServers: '%1$s'
              topic: out
              keyExpression: 'string(1 / (id - 2))'
              delivery: at-least-once
            out: []
          - name: kinesis out
            action: Kinesis Publisher
            props:
              stream: k-out
              region: %4$s
              endpoint: '%5$s'
              credentials: basic
              accessKeyId: %6$s
              secretAccessKey: %7$s
              partitionKeyExpression: 'string(1 / (id - 2))'
            out: []
          - name: end
            action: Trash
            props: {}
            out: []
        """
            .formatted(
                KAFKA.bootstrapServers(),
                base,
                pg.url(),
                KinesisEmulator.REGION,
                KINESIS.endpoint(),
                KinesisEmulator.ACCESS_KEY,
                KinesisEmulator.SECRET_KEY));
    assertCounts(
        Map.of(
            "kafka in", c(3, 2, 0, 1),
            "fetch", c(2, 1, 0, 1),
            "lookup", c(2, 1, 0, 1),
            "jdbc", c(2, 1, 0, 1),
            "http", c(2, 1, 0, 1),
            "kafka out", c(2, 1, 0, 1),
            "kinesis out", c(2, 1, 0, 1),
            "end", c(2, 2, 0, 0)));
    assertThat(KAFKA.readCommittedValues("out", 1, java.time.Duration.ofSeconds(30)))
        .containsExactly("{\"id\":1,\"domain\":\"acme.com\"}");
  }

  @Test
  void unboundedTriggersCountWhatTheyRead() throws Exception {
    KINESIS.put("k-in", List.of("{\"id\":1}", "{\"id\":2}", "not json"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    JobClient job =
        start(
            """
            name: Unbounded counts
            settings:
              errors: {action: Trash}
            stages:
              - name: kinesis in
                action: Kinesis Trigger
                props:
                  stream: k-in
                  region: %1$s
                  endpoint: '%2$s'
                  credentials: basic
                  accessKeyId: %3$s
                  secretAccessKey: %4$s
                  startFrom: trim-horizon
                  shardDiscoveryInterval: 500ms
                out: [end]
              - name: poll
                action: Database Poll
                props: {url: '%5$s', table: signups, positionColumn: id, interval: 200ms}
                out: [end]
              - name: hook
                action: Webhook
                props: {path: /in, port: %6$d}
                out: [end]
              - name: end
                action: Trash
                props: {}
                out: []
            """
                .formatted(
                    KinesisEmulator.REGION,
                    KINESIS.endpoint(),
                    KinesisEmulator.ACCESS_KEY,
                    KinesisEmulator.SECRET_KEY,
                    pg.url(),
                    port));
    try {
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + port + "/in");
      int accepted = 0;
      // The webhook listens once its task runs; a refused connection means not yet.
      while (accepted == 0) {
        try {
          accepted =
              client
                  .send(
                      HttpRequest.newBuilder(uri)
                          .POST(HttpRequest.BodyPublishers.ofString("[{\"a\":1},{\"a\":2}]"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode();
        } catch (java.io.IOException notYet) {
          Thread.sleep(100);
        }
      }
      assertThat(accepted).isEqualTo(202);
      assertThat(
              client
                  .send(
                      HttpRequest.newBuilder(uri)
                          .POST(HttpRequest.BodyPublishers.ofString("not json"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(400);
      // Waits until every record is through (3 + 3 + 2 reach the end stage or the errors).
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (StageCounters.of("end").in() < 2 + 2 + 2
          || StageCounters.of("kinesis in").errors() + StageCounters.of("poll").errors() < 2) {
        assertThat(System.nanoTime())
            .as("every record through before the deadline; counts: %s", StageCounters.all())
            .isLessThan(deadline);
        Thread.sleep(100);
      }
    } finally {
      job.cancel().get();
    }
    assertCounts(
        Map.of(
            "kinesis in", c(3, 2, 0, 1),
            "poll", c(3, 2, 0, 1),
            "hook", c(2, 2, 0, 0),
            "end", c(6, 6, 0, 0)));
  }
}

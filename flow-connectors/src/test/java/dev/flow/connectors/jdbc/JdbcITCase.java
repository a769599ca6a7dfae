package dev.flow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FieldPath;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.TestFlows;
import dev.flow.testing.TestFlows.Collect;
import dev.flow.testing.TestFlows.CollectPublisher;
import dev.flow.testing.TestFlows.Lines;
import dev.flow.testing.TestFlows.LinesTrigger;
import dev.flow.translate.FlowTranslator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs Lookup and the JDBC publisher on a MiniCluster against an embedded PostgreSQL. */
class JdbcITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  static EmbeddedPostgres pg;
  static String url;

  @BeforeAll
  static void startDatabase() throws Exception {
    File dir = new File("target/embedded-pg");
    dir.mkdirs();
    pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir).start();
    url = pg.getJdbcUrl("postgres", "postgres");
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "create table customers (domain text primary key, name text, tier text, since date)");
      st.execute(
          "insert into customers values ('acme.com', 'Acme', 'gold', '2020-01-31'),"
              + " ('globex.com', 'Globex', 'silver', null)");
      st.execute("create table orders (domain text, total numeric(10,2))");
      st.execute("insert into orders values ('acme.com', 10.50), ('acme.com', 99.99)");
      st.execute(
          "create table contacts (id bigint primary key, name text, score numeric, tags jsonb)");
      st.execute(
          "create table accounts (id bigint primary key, email text not null unique,"
              + " age int check (age >= 0))");
    }
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    pg.close();
  }

  private static final List<String> INPUT =
      List.of(
          "{\"id\":1,\"email\":{\"domain\":\"acme.com\"}}",
          "{\"id\":2,\"email\":{\"domain\":\"unknown.org\"}}",
          "{\"id\":3,\"email\":{\"domain\":\"globex.com\"}}",
          "{\"id\":4,\"email\":{\"domain\":\"acme.com\"}}");

  @Test
  void theFirstRowIsMergedAndAMissingRowGoesToTheErrorStage() throws Exception {
    run(
        "lookup-first",
        options(
            "select name, tier, since from customers where domain = :email.domain",
            LookupOptions.Rows.FIRST,
            LookupOptions.NoRow.ERROR));
    assertThat(CollectSink.payloads("lookup-first-out"))
        .containsExactly(
            "{\"id\":1,\"email\":{\"domain\":\"acme.com\"},\"customer\":{\"name\":\"Acme\",\"tier\":\"gold\",\"since\":\"2020-01-31\"}}",
            "{\"id\":3,\"email\":{\"domain\":\"globex.com\"},\"customer\":{\"name\":\"Globex\",\"tier\":\"silver\",\"since\":null}}",
            "{\"id\":4,\"email\":{\"domain\":\"acme.com\"},\"customer\":{\"name\":\"Acme\",\"tier\":\"gold\",\"since\":\"2020-01-31\"}}");
    List<JsonNode> errors =
        CollectSink.received("lookup-first-errors").stream()
            .map(r -> (JsonNode) r.asObjectNode())
            .toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("stage").asText()).isEqualTo("customers");
    assertThat(errors.get(0).get("error").asText())
        .isEqualTo("no row found for email.domain=unknown.org");
    assertThat(errors.get(0).get("record").get("id").asInt()).isEqualTo(2);
  }

  @Test
  void allRowsAsAnArrayAndRecordsWithoutRowsPassOrDrop() throws Exception {
    run(
        "lookup-all",
        options(
            "select total from orders where domain = :email.domain order by total",
            LookupOptions.Rows.ALL,
            LookupOptions.NoRow.PASS));
    assertThat(CollectSink.payloads("lookup-all-out"))
        .containsExactly(
            "{\"id\":1,\"email\":{\"domain\":\"acme.com\"},\"customer\":[{\"total\":10.50},{\"total\":99.99}]}",
            "{\"id\":2,\"email\":{\"domain\":\"unknown.org\"}}",
            "{\"id\":3,\"email\":{\"domain\":\"globex.com\"}}",
            "{\"id\":4,\"email\":{\"domain\":\"acme.com\"},\"customer\":[{\"total\":10.50},{\"total\":99.99}]}");
    run(
        "lookup-drop",
        options(
            "select total from orders where domain = :email.domain",
            LookupOptions.Rows.FIRST,
            LookupOptions.NoRow.DROP));
    assertThat(CollectSink.received("lookup-drop-out"))
        .extracting(r -> r.get("id").asInt())
        .containsExactly(1, 4);
    assertThat(CollectSink.received("lookup-drop-errors")).isEmpty();
  }

  @Test
  void upsertsAreIdempotentAndRecordsWithoutAKeyGoToTheErrorStage() throws Exception {
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.add("{\"id\":" + i + ",\"who\":{\"name\":\"n" + i + "\"},\"score\":" + i + ".5}");
    }
    for (int i = 0; i < 10; i++) {
      lines.add("{\"id\":" + i + ",\"who\":{\"name\":\"new" + i + "\"},\"tags\":[\"t\"]}");
    }
    lines.add("{\"who\":{\"name\":\"nobody\"}}");
    JdbcPublishOptions o =
        new JdbcPublishOptions(
            url,
            null,
            null,
            "contacts",
            new java.util.LinkedHashMap<>(
                java.util.Map.of(
                    "id",
                    FieldPath.of("id"),
                    "name",
                    FieldPath.parse("who.name"),
                    "score",
                    FieldPath.of("score"),
                    "tags",
                    FieldPath.of("tags"))),
            List.of("id"),
            7,
            Duration.ofMillis(200),
            2);
    for (int round = 0; round < 2; round++) {
      String name = "jdbc-upsert-" + round;
      var flow =
          new TestFlows.Builder(name)
              .stage("in", new LinesTrigger(), new Lines(lines), "db")
              .stage("db", new JdbcPublisherFactory(), o)
              .errors(name + "-errors")
              .build();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      FlowTranslator.translate(flow, env);
      env.execute(name);
      assertThat(CollectSink.received(name + "-errors"))
          .extracting(r -> r.asObjectNode().get("error").asText())
          .containsExactly("the key field 'id' is missing");
    }
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        var rs = st.executeQuery("select count(*), sum(score) from contacts")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(50);
    }
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        var rs =
            st.executeQuery(
                "select name, score, tags::text from contacts where id in (3, 30) order by id")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("new3");
      assertThat(rs.getBigDecimal(2)).isNull();
      assertThat(rs.getString(3)).isEqualTo("[\"t\"]");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("n30");
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("30.5");
      assertThat(rs.getString(3)).isNull();
    }
  }

  @Test
  void rowsTheDatabaseRefusesGoToTheErrorStageAndTheOthersAreWritten() throws Exception {
    List<String> lines =
        List.of(
            "{\"id\":1,\"email\":\"a@x.org\",\"age\":30}",
            "{\"id\":2,\"email\":\"b@x.org\",\"age\":-1}",
            "{\"id\":3,\"email\":\"a@x.org\",\"age\":40}",
            "{\"id\":4,\"email\":\"d@x.org\",\"age\":\"old\"}",
            "{\"id\":5,\"email\":\"e@x.org\"}");
    JdbcPublishOptions o =
        new JdbcPublishOptions(
            url,
            null,
            null,
            "accounts",
            columns("id", "email", "age"),
            null,
            10,
            Duration.ofMillis(200),
            2);
    var flow =
        new TestFlows.Builder("jdbc-refused")
            .stage("in", new LinesTrigger(), new Lines(lines), "db")
            .stage("db", new JdbcPublisherFactory(), o)
            .errors("jdbc-refused-errors")
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    env.execute("jdbc-refused");
    List<String> errors =
        CollectSink.received("jdbc-refused-errors").stream()
            .map(
                r ->
                    r.asObjectNode().get("stage").asText()
                        + " "
                        + r.asObjectNode().get("record").get("id").asInt()
                        + ": "
                        + r.asObjectNode().get("error").asText())
            .toList();
    assertThat(errors)
        .containsExactly(
            "db 2: ERROR: new row for relation \"accounts\" violates check constraint"
                + " \"accounts_age_check\"; Detail: Failing row contains (2, b@x.org, -1).",
            "db 3: ERROR: duplicate key value violates unique constraint \"accounts_email_key\";"
                + " Detail: Key (email)=(a@x.org) already exists.",
            "db 4: ERROR: invalid input syntax for type integer: \"old\"; Where: unnamed portal"
                + " parameter $3 = '...'");
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        var rs = st.executeQuery("select id, email, age from accounts order by id")) {
      List<String> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getObject(3));
      }
      assertThat(rows).containsExactly("1 a@x.org 30", "5 e@x.org null");
    }
  }

  @Test
  void aLookupThatFailsForOneRecordsValueSendsOnlyThatRecordToTheErrorStage() throws Exception {
    run(
        "lookup-bad-value",
        options(
            "select name from customers where since = cast(:email.domain as date)",
            LookupOptions.Rows.FIRST,
            LookupOptions.NoRow.PASS),
        List.of(
            "{\"id\":1,\"email\":{\"domain\":\"2020-01-31\"}}",
            "{\"id\":2,\"email\":{\"domain\":\"acme.com\"}}",
            "{\"id\":3,\"email\":{\"domain\":\"2021-01-01\"}}"));
    assertThat(CollectSink.payloads("lookup-bad-value-out"))
        .containsExactly(
            "{\"id\":1,\"email\":{\"domain\":\"2020-01-31\"},\"customer\":{\"name\":\"Acme\"}}",
            "{\"id\":3,\"email\":{\"domain\":\"2021-01-01\"}}");
    assertThat(CollectSink.received("lookup-bad-value-errors"))
        .extracting(r -> r.asObjectNode().get("error").asText())
        .containsExactly("lookup failed: ERROR: invalid input syntax for type date: \"acme.com\"");
  }

  @Test
  void anUnreachableDatabaseFailsTheJobInsteadOfFailingEveryRecord() throws Exception {
    String dead = "jdbc:postgresql://127.0.0.1:" + TestFlows.freePort() + "/x";
    LookupOptions o =
        new LookupOptions(
            dead,
            null,
            null,
            "select 1 from customers where domain = :email.domain",
            FieldPath.of("customer"),
            LookupOptions.Rows.FIRST,
            LookupOptions.NoRow.PASS,
            Duration.ZERO,
            100,
            1,
            Duration.ofMillis(500),
            1,
            Duration.ofMillis(50));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("lookup-dead", o, INPUT))
        .satisfies(
            e ->
                assertThat(
                        org.apache.flink.util.ExceptionUtils.findThrowableWithMessage(
                            e, "cannot reach"))
                    .get()
                    .extracting(Throwable::getMessage)
                    .asString()
                    .startsWith(
                        "stage \"customers\" (Lookup): cannot reach the database after 2"
                            + " attempts: "));
    JdbcPublishOptions p =
        new JdbcPublishOptions(
            dead,
            null,
            null,
            "accounts",
            new java.util.LinkedHashMap<>(java.util.Map.of("id", FieldPath.of("id"))),
            null,
            10,
            Duration.ofMillis(100),
            1);
    var flow =
        new TestFlows.Builder("jdbc-dead")
            .stage("in", new LinesTrigger(), new Lines(List.of("{\"id\":1}")), "db")
            .stage("db", new JdbcPublisherFactory(), p)
            .errors("jdbc-dead-errors")
            .settings(TestFlows.noRestart())
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.execute("jdbc-dead"))
        .satisfies(
            e ->
                assertThat(
                        org.apache.flink.util.ExceptionUtils.findThrowableWithMessage(
                            e, "cannot write"))
                    .get()
                    .extracting(Throwable::getMessage)
                    .asString()
                    .contains(
                        "stage \"db\" (JDBC): cannot write to the database after 2 attempts:"
                            + " Connection to 127.0.0.1:"));
  }

  private static LookupOptions options(
      String query, LookupOptions.Rows rows, LookupOptions.NoRow noRow) {
    return new LookupOptions(
        url,
        null,
        null,
        query,
        FieldPath.of("customer"),
        rows,
        noRow,
        Duration.ofMinutes(1),
        100,
        2,
        Duration.ofSeconds(5),
        2,
        Duration.ofMillis(100));
  }

  private static void run(String name, LookupOptions o) throws Exception {
    run(name, o, INPUT);
  }

  private static void run(String name, LookupOptions o, List<String> input) throws Exception {
    var flow =
        new TestFlows.Builder(name)
            .stage("in", new LinesTrigger(), new Lines(input), "customers")
            .stage("customers", new LookupTransformFactory(), o, "out")
            .stage("out", new CollectPublisher(), new Collect(name + "-out"))
            .errors(name + "-errors")
            .settings(TestFlows.noRestart())
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    env.execute(name);
  }

  /** Columns in the order given, each read from the field of the same name. */
  private static java.util.Map<String, FieldPath> columns(String... names) {
    java.util.Map<String, FieldPath> m = new java.util.LinkedHashMap<>();
    for (String n : names) {
      m.put(n, FieldPath.of(n));
    }
    return m;
  }
}

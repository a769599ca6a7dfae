package dev.flow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.connectors.testing.TestFlows;
import dev.flow.connectors.testing.TestFlows.Collect;
import dev.flow.connectors.testing.TestFlows.CollectPublisher;
import dev.flow.connectors.testing.TestFlows.Lines;
import dev.flow.connectors.testing.TestFlows.LinesTrigger;
import dev.flow.testing.CollectSink;
import dev.flow.translate.FlowTranslator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs Lookup and the JDBC publisher on a MiniCluster against an embedded PostgreSQL. */
class JdbcITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

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
                java.util.Map.of("id", "id", "name", "who.name", "score", "score", "tags", "tags")),
            List.of("id"),
            7,
            Duration.ofMillis(200),
            2);
    for (int round = 0; round < 2; round++) {
      String name = "jdbc-upsert-" + round;
      var flow =
          new TestFlows.Builder(name)
              .stage("in", new LinesTrigger(), new Lines(lines), "db")
              .stage("db", new JdbcPublishFactory(), o)
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

  private static LookupOptions options(
      String query, LookupOptions.Rows rows, LookupOptions.NoRow noRow) {
    return new LookupOptions(
        url,
        null,
        null,
        query,
        "customer",
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
    var flow =
        new TestFlows.Builder(name)
            .stage("in", new LinesTrigger(), new Lines(INPUT), "customers")
            .stage("customers", new LookupFactory(), o, "out")
            .stage("out", new CollectPublisher(), new Collect(name + "-out"))
            .errors(name + "-errors")
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    env.execute(name);
  }
}

package dev.flow.connectors.factory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.factory.Factories;
import dev.flow.factory.FactoryEdge;
import dev.flow.factory.ValidatedFactory;
import dev.flow.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data edges inferred between two flows for every packaged publisher and trigger pair, from the
 * resources the actions declare through the SPI: an upstream flow publishes, a downstream flow's
 * trigger reads.
 */
class PackagedEdgesTest {
  private static final Path ROOT = Path.of("target", "factory-edges");

  /**
   * A factory of an upstream flow ending in {@code publisher} and a downstream one from {@code
   * trigger}.
   */
  private static ValidatedFactory factory(String name, String publisher, String trigger)
      throws Exception {
    Path dir = ROOT.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("up.yaml"),
        "name: Up\nstages:\n  - name: records\n    action: Inline Records\n    props:\n"
            + "      records: [{id: 1, email: a@b.c}]\n    out: [publish]\n  - name: publish\n"
            + publisher.indent(4));
    Files.writeString(
        dir.resolve("down.yaml"),
        "name: Down\nstages:\n  - name: read\n"
            + trigger.indent(4)
            + "    out: [print]\n  - name: print\n    action: Log\n");
    Files.writeString(
        dir.resolve("factory.yaml"), "name: " + name + "\nflows: [up.yaml, down.yaml]\n");
    ValidatedFactory v = Factories.validate(dir.resolve("factory.yaml"), List.of());
    assertThat(v.problems().stream().filter(Problem::isError).map(Problem::format)).isEmpty();
    return v;
  }

  private static List<String> edges(ValidatedFactory v) {
    return v.edges().stream()
        .filter(e -> e.kind() == FactoryEdge.Kind.DATA)
        .map(e -> e.from() + "->" + e.to() + " " + e.resource().describe())
        .toList();
  }

  @Test
  void kafkaPublisherToKafkaTriggerOnTheSameCluster() throws Exception {
    ValidatedFactory v =
        factory(
            "kafka",
            "action: Kafka Publisher\nprops: {bootstrapServers: 'B:9092,a:9092', topic: orders}\n",
            "action: Kafka Trigger\nprops: {bootstrapServers: 'a:9092, b:9092', topics: [x, orders]}\n");
    assertThat(edges(v)).containsExactly("0->1 kafka-topic orders (a:9092,b:9092)");
  }

  @Test
  void kafkaTopicPatternMatchesThePublishedTopic() throws Exception {
    ValidatedFactory v =
        factory(
            "kafka-pattern",
            "action: Kafka Publisher\nprops: {bootstrapServers: 'k:9092', topic: orders-eu}\n",
            "action: Kafka Trigger\nprops: {bootstrapServers: 'k:9092', topicPattern: 'orders-.*'}\n");
    assertThat(edges(v)).containsExactly("0->1 kafka-topic orders-eu (k:9092)");
  }

  @Test
  void anotherKafkaClusterIsNoEdge() throws Exception {
    ValidatedFactory v =
        factory(
            "kafka-other",
            "action: Kafka Publisher\nprops: {bootstrapServers: 'k1:9092', topic: orders}\n",
            "action: Kafka Trigger\nprops: {bootstrapServers: 'k2:9092', topics: [orders]}\n");
    assertThat(edges(v)).isEmpty();
  }

  @Test
  void kinesisPublisherToKinesisTriggerByNameOrArn() throws Exception {
    ValidatedFactory v =
        factory(
            "kinesis",
            "action: Kinesis Publisher\nprops: {stream: events, region: us-east-1,"
                + " endpoint: 'http://localhost:4567', partitionKeyField: id}\n",
            "action: Kinesis Trigger\nprops: {stream: 'arn:aws:kinesis:us-east-1:000000000000:stream/events',"
                + " endpoint: 'http://localhost:4567'}\n");
    assertThat(edges(v))
        .containsExactly("0->1 kinesis-stream events (us-east-1 http://localhost:4567)");
  }

  @Test
  void writeFileToReadFileUnderTheSameFolder() throws Exception {
    ValidatedFactory v =
        factory(
            "file",
            "action: Write to File\nprops: {path: out/lake/signups}\n",
            "action: Read File\nprops: {path: ./out/lake/}\n");
    assertThat(edges(v)).containsExactly("0->1 file-path out/lake/signups");
  }

  @Test
  void jdbcPublisherToDatabasePollOnTheSameTable() throws Exception {
    ValidatedFactory v =
        factory(
            "jdbc",
            "action: JDBC\nprops: {url: 'jdbc:postgresql://db:5432/shop?password=x', table: Signups,"
                + " columns: {id: id, email: email}}\n",
            "action: Database Poll\nprops: {url: 'jdbc:postgresql://db:5432/shop', table: signups,"
                + " positionColumn: id}\n");
    assertThat(edges(v))
        .containsExactly("0->1 jdbc-table signups (jdbc:postgresql://db:5432/shop)");
  }

  @Test
  void databasePollQueryFromOneTableIsThatTable() throws Exception {
    ValidatedFactory v =
        factory(
            "jdbc-query",
            "action: JDBC\nprops: {url: 'jdbc:postgresql://db/shop', table: signups,"
                + " columns: {id: id}}\n",
            "action: Database Poll\nprops: {url: 'jdbc:postgresql://db/shop', query: 'select id,"
                + " email from signups where email is not null', positionColumn: id}\n");
    assertThat(edges(v)).containsExactly("0->1 jdbc-table signups (jdbc:postgresql://db/shop)");
  }

  @Test
  void httpPublisherToWebhookOnTheSamePortAndPath() throws Exception {
    ValidatedFactory v =
        factory(
            "http",
            "action: HTTP\nprops: {url: 'http://127.0.0.1:8090/hooks'}\n",
            "action: Webhook\nprops: {path: /hooks, port: 8090}\n");
    assertThat(edges(v)).containsExactly("0->1 http-endpoint localhost:8090/hooks");
  }

  @Test
  void theJdbcPublisherWritesItsColumnsAndTheFieldsAreProven() throws Exception {
    ValidatedFactory v =
        factory(
            "jdbc-fields",
            "action: JDBC\nprops: {url: 'jdbc:postgresql://db/shop', table: t,"
                + " columns: {user_id: id, mail: email}}\n",
            "action: Database Poll\nprops: {url: 'jdbc:postgresql://db/shop', table: t,"
                + " positionColumn: user_id}\n");
    assertThat(v.written().get(0).get("publish"))
        .containsExactly("user_id: integer", "mail: string");
  }

  @Test
  void exactlyOnceKafkaWritersWithOneTransactionalIdPrefixClash() throws Exception {
    Path dir = ROOT.resolve("kafka-clash");
    Files.createDirectories(dir);
    for (String n : List.of("one", "two")) {
      Files.writeString(
          dir.resolve(n + ".yaml"),
          "name: "
              + n
              + "\nstages:\n  - name: records\n    action: Inline Records\n    props: {records: [{id: 1}]}\n"
              + "    out: [publish]\n  - name: publish\n    action: Kafka Publisher\n"
              + "    props: {bootstrapServers: 'k:9092', topic: orders, delivery: exactly-once,"
              + " transactionalIdPrefix: orders-writer}\n");
    }
    Files.writeString(dir.resolve("factory.yaml"), "name: clash\nflows: [one.yaml, two.yaml]\n");
    ValidatedFactory v = Factories.validate(dir.resolve("factory.yaml"), List.of());
    assertThat(v.problems().stream().filter(Problem::isError).map(Problem::format))
        .containsExactly(
            dir.resolve("one.yaml")
                + ":7:5: error: stage \"publish\" (Kafka Publisher): writes kafka-topic orders with"
                + " the transactional id prefix 'orders-writer' (exactly-once), as does stage"
                + " 'publish' of flow 'two' ("
                + dir.resolve("two.yaml")
                + ":7:5); two writers of one resource may not share it; give each writer one of"
                + " its own",
            dir.resolve("two.yaml")
                + ":7:5: error: stage \"publish\" (Kafka Publisher): writes kafka-topic orders with"
                + " the transactional id prefix 'orders-writer' (exactly-once), as does stage"
                + " 'publish' of flow 'one' ("
                + dir.resolve("one.yaml")
                + ":7:5); two writers of one resource may not share it; give each writer one of"
                + " its own");
  }
}

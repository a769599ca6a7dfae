package dev.flow.connectors.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.validate.FlowValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connector actions through the real validator: bad prop values are located problems. */
class ConnectorFlowValidationTest {

  static List<String> problems(String yaml) {
    return new FlowValidator(FlowCompiler.registry())
            .validate(new FlowParser(FlowParser.Options.defaults()).parse(yaml, "f.yaml"))
            .problems()
            .stream()
            .map(Problem::format)
            .toList();
  }

  @Test
  void aValidKafkaAndKinesisFlowHasNoProblems() {
    assertThat(
            problems(
                """
                name: ok
                stages:
                  - name: in
                    action: Kinesis Trigger
                    props: {stream: orders, region: eu-west-1}
                    out: [out]
                  - name: out
                    action: Kafka Publisher
                    props: {bootstrapServers: "localhost:9092", topic: o}
                    out: []
                """))
        .isEmpty();
  }

  @Test
  void badValuesAreReportedAtTheirProps() {
    assertThat(
            problems(
                """
                name: bad
                stages:
                  - name: in
                    action: Kafka Trigger
                    props:
                      bootstrapServers: "localhost:9092"
                      topics: [a]
                      startFrom: yesterday
                    out: [out]
                  - name: out
                    action: Kafka Publisher
                    props:
                      bootstrapServers: "localhost:9092"
                      topic: o
                      delivery: sometimes
                    out: []
                """))
        .containsExactly(
            "f.yaml:8:18: error: stage \"in\" (Kafka Trigger): prop 'startFrom' must be one of"
                + " committed, earliest, latest, timestamp, found a string ('yesterday')",
            "f.yaml:15:17: error: stage \"out\" (Kafka Publisher): prop 'delivery' must be one of"
                + " exactly-once, at-least-once, none, found a string ('sometimes')");
  }

  @Test
  void typedPropsAreCheckedWhenBoundAndNameTheirProp() {
    assertThat(
            problems(
                """
                name: bad
                stages:
                  - name: in
                    action: Kafka Trigger
                    props:
                      bootstrapServers: "localhost:9092"
                      topicPattern: "orders-("
                      startFrom: timestamp
                      startTimestamp: noon
                      eventTimeField: a..b
                    out: [out]
                  - name: k
                    action: Kinesis Trigger
                    props: {stream: s, region: r, valueField: x., shardDiscoveryInterval: 0s}
                    out: [out]
                  - name: out
                    action: Kafka Publisher
                    props:
                      bootstrapServers: "localhost:9092"
                      topic: o
                      headers: {trace: .t}
                      parallelism: 0
                    out: []
                """))
        .containsExactly(
            "f.yaml:7:21: error: stage \"in\" (Kafka Trigger): prop 'topicPattern': not a valid"
                + " regular expression: Unclosed group",
            "f.yaml:9:23: error: stage \"in\" (Kafka Trigger): prop 'startTimestamp': 'noon' is"
                + " neither epoch milliseconds nor an ISO-8601 instant such as"
                + " 2024-05-01T00:00:00Z",
            "f.yaml:10:23: error: stage \"in\" (Kafka Trigger): prop 'eventTimeField': field"
                + " path 'a..b' has an empty segment",
            "f.yaml:14:47: error: stage \"k\" (Kinesis Trigger): prop 'valueField': field path"
                + " 'x.' has an empty segment",
            "f.yaml:14:75: error: stage \"k\" (Kinesis Trigger): prop 'shardDiscoveryInterval'"
                + " must be 1ms or more, found 0s",
            "f.yaml:21:24: error: stage \"out\" (Kafka Publisher): prop 'headers.trace': field"
                + " path '.t' has an empty segment",
            "f.yaml:22:20: error: stage \"out\" (Kafka Publisher): prop 'parallelism' must be 1"
                + " or more, found 0");
  }

  @Test
  void aPropGroupIsWrittenBesideTheActionsOwnProps() {
    assertThat(
            problems(
                """
                name: bad
                stages:
                  - name: in
                    action: Kinesis Trigger
                    props: {stream: s, regoin: r, idleTimeout: 1m}
                    out: [log]
                  - name: log
                    action: Log
                """))
        .containsExactly(
            "f.yaml:5:24: error: stage \"in\" (Kinesis Trigger): unknown prop 'regoin'; did you"
                + " mean 'region'? Known props: stream, region, endpoint, credentials,"
                + " accessKeyId, secretAccessKey, startFrom, startTimestamp, format, valueField,"
                + " eventTimeField, maxOutOfOrderness, idleTimeout, shardDiscoveryInterval,"
                + " properties, connectTimeout, parallelism, expectedInput, retry");
  }

  @Test
  void actionChecksAreReportedAtTheirProps() {
    List<String> p =
        problems(
            """
            name: bad
            stages:
              - name: in
                action: Kafka Trigger
                props:
                  bootstrapServers: "localhost:9092"
                  topics: [a]
                  topicPattern: "b.*"
                out: [out]
              - name: out
                action: Kafka Publisher
                props:
                  bootstrapServers: "localhost:9092"
                  topic: o
                  delivery: exactly-once
                  transactionTimeout: 1s
                out: []
            """);
    assertThat(p).hasSize(2);
    assertThat(p.get(0))
        .startsWith(
            "f.yaml:8:7: error: stage \"in\" (Kafka Trigger): set either topics or topicPattern,"
                + " not both");
    assertThat(p.get(1))
        .startsWith(
            "f.yaml:16:7: error: stage \"out\" (Kafka Publisher): must be longer than the"
                + " checkpoint interval (10000 ms)");
  }

  @Test
  void theConnectorExamplesAreValid() throws Exception {
    for (String name : List.of("kafka-orders.yaml", "kinesis-events.yaml")) {
      java.nio.file.Path file = java.nio.file.Path.of("..", "examples", name);
      assertThat(problems(java.nio.file.Files.readString(file))).as(name).isEmpty();
    }
  }
}

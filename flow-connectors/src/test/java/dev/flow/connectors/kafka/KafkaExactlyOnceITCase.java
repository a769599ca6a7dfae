package dev.flow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.actions.remap.RemapFieldsTransformFactory;
import dev.flow.connectors.EventTime;
import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.kafka.KafkaPublisherOptions.Delivery;
import dev.flow.connectors.kafka.KafkaTriggerOptions.StartFrom;
import dev.flow.connectors.testing.FailingMap;
import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.connectors.testing.RenameField;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.record.Json;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.TriggerContext;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.StageHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kafka trigger, a rename, and the Kafka publisher with exactly-once delivery, while records flow
 * and tasks fail three times: reading the output with read_committed gives every input exactly
 * once.
 */
class KafkaExactlyOnceITCase {

  static final int RECORDS = 3000;
  static final int FAILURES = 3;

  @RegisterExtension
  @Order(1)
  static final KafkaBroker KAFKA = new KafkaBroker();

  @RegisterExtension
  @Order(2)
  static final MiniClusterExtension FLINK = FlowMiniCluster.extension();

  @Test
  void everyInputArrivesExactlyOnceThroughFailures() throws Exception {
    KAFKA.createTopic("eo-in", 2);
    KAFKA.createTopic("eo-out", 2);
    KAFKA.produce("eo-in", inputs(0, 1000));

    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.configure(conf);
    env.getConfig().disableGenericTypes();
    env.getConfig().enableObjectReuse();
    env.setParallelism(2);
    env.enableCheckpointing(500);

    StageHarness h = new StageHarness(env, "Orders EO", FlowSettings.defaults(), false);
    TriggerContext read = h.triggerContext("read", new KafkaTriggerFactory(), 2);
    DataStream<FlowRecord> in =
        h.trigger(
            read,
            new KafkaTriggerFactory(),
            new KafkaTriggerOptions(
                KAFKA.bootstrapServers(),
                List.of("eo-in"),
                null,
                null,
                StartFrom.EARLIEST,
                null,
                null,
                PayloadFormat.JSON,
                null,
                new EventTime(null, null, null),
                false,
                null,
                Duration.ofSeconds(5)));
    DataStream<FlowRecord> failing =
        in.map(new FailingMap("eo", FAILURES, 400), FlowRecordTypeInfo.INSTANCE)
            .name("fail")
            .uid("fail");
    DataStream<FlowRecord> remapped =
        h.context("remap", new RemapFieldsTransformFactory(), 2)
            .process(failing, new RenameField("name", "fullName"));
    new KafkaPublisherFactory()
        .publish(
            remapped,
            new KafkaPublisherOptions(
                KAFKA.bootstrapServers(),
                "eo-out",
                null,
                null,
                FieldPath.parse("id"),
                null,
                null,
                Delivery.EXACTLY_ONCE,
                null,
                Duration.ofSeconds(60),
                null,
                Duration.ofSeconds(5)),
            h.context("write", new KafkaPublisherFactory(), 2));

    JobClient job = env.executeAsync("kafka exactly-once");
    try {
      for (int from = 1000; from < RECORDS; from += 250) {
        Thread.sleep(300);
        KAFKA.produce("eo-in", inputs(from, from + 250));
      }
      List<String> out = KAFKA.readCommittedValues("eo-out", RECORDS, Duration.ofSeconds(120));
      // Give a late duplicate every chance to show: two more checkpoints.
      Thread.sleep(1500);
      out = KAFKA.readCommittedValues("eo-out", RECORDS, Duration.ofSeconds(30));

      Map<Long, Integer> seen = new HashMap<>();
      List<String> malformed = new ArrayList<>();
      for (String v : out) {
        JsonNode n = Json.MAPPER.readTree(v);
        if (!n.has("fullName") || n.has("name")) {
          malformed.add(v);
        }
        seen.merge(n.get("id").asLong(), 1, Integer::sum);
      }
      long duplicates = seen.values().stream().filter(c -> c > 1).count();
      System.out.printf(
          "kafka exactly-once: in=%d out=%d distinct=%d duplicates=%d failures=%d"
              + " subtask-opens=%d%n",
          RECORDS,
          out.size(),
          seen.size(),
          duplicates,
          FailingMap.thrown("eo"),
          FailingMap.opened("eo"));
      assertThat(FailingMap.thrown("eo")).isEqualTo(FAILURES);
      assertThat(malformed).isEmpty();
      assertThat(duplicates).isZero();
      assertThat(seen).hasSize(RECORDS);
      assertThat(out).hasSize(RECORDS);
      for (long id = 0; id < RECORDS; id++) {
        assertThat(seen).containsKey(id);
      }
    } finally {
      job.cancel().get();
    }
  }

  static List<String> inputs(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add("{\"id\":" + i + ",\"name\":\"customer " + i + "\"}");
    }
    return out;
  }
}

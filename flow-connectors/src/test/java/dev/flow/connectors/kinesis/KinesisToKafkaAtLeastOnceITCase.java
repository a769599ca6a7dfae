package dev.flow.connectors.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.kafka.KafkaPublisher;
import dev.flow.connectors.kafka.KafkaPublisherOptions;
import dev.flow.connectors.kafka.KafkaPublisherOptions.Delivery;
import dev.flow.connectors.kinesis.KinesisAccess.Credentials;
import dev.flow.connectors.kinesis.KinesisTriggerOptions.StartFrom;
import dev.flow.connectors.testing.FailingMap;
import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.connectors.testing.KinesisEmulator;
import dev.flow.connectors.testing.RenameField;
import dev.flow.connectors.testing.TestStageContext;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.record.Json;
import dev.flow.spi.FlowSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kinesis trigger, a rename, and the Kafka publisher at least once, while records flow and tasks
 * fail three times: every input reaches Kafka, none is lost.
 */
class KinesisToKafkaAtLeastOnceITCase {

  static final int RECORDS = 2000;
  static final int FAILURES = 3;

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
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .build());

  @Test
  void noInputIsLostThroughFailures() throws Exception {
    KINESIS.createStream("alo-in", 2);
    KAFKA.createTopic("alo-out", 2);
    KINESIS.put("alo-in", inputs(0, 500));

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

    TestStageContext read =
        new TestStageContext(
            env, "Events ALO", "read", "Kinesis Trigger", FlowSettings.defaults(), false, 2);
    DataStream<FlowRecord> in =
        new KinesisTrigger()
            .create(
                new KinesisTriggerOptions(
                    "alo-in",
                    KinesisEmulator.REGION,
                    KINESIS.endpoint(),
                    StartFrom.TRIM_HORIZON,
                    null,
                    Credentials.BASIC,
                    KinesisEmulator.ACCESS_KEY,
                    KinesisEmulator.SECRET_KEY,
                    PayloadFormat.JSON,
                    null,
                    null,
                    null,
                    null,
                    Duration.ofMillis(500),
                    null,
                    Duration.ofSeconds(5)),
                read);
    DataStream<FlowRecord> failing =
        in.map(new FailingMap("alo", FAILURES, 150), FlowRecordTypeInfo.INSTANCE)
            .name("fail")
            .uid("fail");
    DataStream<FlowRecord> remapped =
        read.stage("remap", "Remap Fields").process(failing, new RenameField("name", "fullName"));
    new KafkaPublisher()
        .publish(
            remapped,
            new KafkaPublisherOptions(
                KAFKA.bootstrapServers(),
                "alo-out",
                null,
                null,
                "id",
                null,
                null,
                Delivery.AT_LEAST_ONCE,
                null,
                null,
                null,
                Duration.ofSeconds(5)),
            read.stage("write", "Kafka Publisher"));

    JobClient job = env.executeAsync("kinesis to kafka at-least-once");
    try {
      for (int from = 500; from < RECORDS; from += 250) {
        Thread.sleep(300);
        KINESIS.put("alo-in", inputs(from, from + 250));
      }
      List<String> out = List.of();
      Map<Long, Integer> seen = new HashMap<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (seen.size() < RECORDS && System.nanoTime() < deadline) {
        out = KAFKA.readCommittedValues("alo-out", RECORDS, Duration.ofSeconds(5));
        seen.clear();
        for (String v : out) {
          seen.merge(Json.MAPPER.readTree(v).get("id").asLong(), 1, Integer::sum);
        }
      }
      List<String> malformed = new ArrayList<>();
      for (String v : out) {
        JsonNode n = Json.MAPPER.readTree(v);
        if (!n.has("fullName") || n.has("name")) {
          malformed.add(v);
        }
      }
      long duplicated = seen.values().stream().filter(c -> c > 1).count();
      System.out.printf(
          "kinesis to kafka at-least-once: in=%d out=%d distinct=%d duplicated-ids=%d"
              + " failures=%d subtask-opens=%d%n",
          RECORDS,
          out.size(),
          seen.size(),
          duplicated,
          FailingMap.thrown("alo"),
          FailingMap.opened("alo"));
      assertThat(FailingMap.thrown("alo")).isEqualTo(FAILURES);
      assertThat(malformed).isEmpty();
      for (long id = 0; id < RECORDS; id++) {
        assertThat(seen).containsKey(id);
      }
      assertThat(seen).hasSize(RECORDS);
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

package dev.flow.connectors.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.connectors.testing.KafkaBroker;
import dev.flow.connectors.testing.KinesisEmulator;
import dev.flow.testing.FlowMiniCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The flow Kinesis trigger, Remap Fields, Kafka publisher (at-least-once), compiled from YAML,
 * while records flow and the TaskManager is killed three times: no input is lost.
 */
class KinesisFlowAtLeastOnceITCase {

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
  static final MiniClusterExtension FLINK = FlowMiniCluster.extension();

  static final String FLOW =
      """
      name: Kinesis to Kafka
      settings:
        parallelism: 2
        checkpointing:
          interval: 500ms
        restart:
          strategy: fixed-delay
          attempts: 20
          delay: 500ms
      stages:
        - name: read events
          action: Kinesis Trigger
          props:
            stream: flow-alo-in
            region: %2$s
            endpoint: %3$s
            startFrom: trim-horizon
            credentials: basic
            accessKeyId: %4$s
            secretAccessKey: %5$s
            shardDiscoveryInterval: 500ms
            connectTimeout: 5s
          out: [tidy]
        - name: tidy
          action: Remap Fields
          props:
            rename: {name: fullName}
          out: [write events]
        - name: write events
          action: Kafka Publisher
          props:
            bootstrapServers: %1$s
            topic: flow-alo-out
            keyField: id
            delivery: at-least-once
          out: []
      """;

  @Test
  void noInputIsLostThroughTaskManagerFailures(@InjectMiniCluster MiniCluster cluster)
      throws Exception {
    KINESIS.createStream("flow-alo-in", 2);
    KAFKA.createTopic("flow-alo-out", 2);
    KINESIS.put("flow-alo-in", inputs(0, 500));
    String yaml =
        String.format(
            FLOW,
            KAFKA.bootstrapServers(),
            KinesisEmulator.REGION,
            KINESIS.endpoint(),
            KinesisEmulator.ACCESS_KEY,
            KinesisEmulator.SECRET_KEY);
    JobClient job = FlowRunner.start(yaml, "kinesis-alo.yaml");
    AtomicInteger produced = new AtomicInteger(500);
    AtomicBoolean stop = new AtomicBoolean();
    // Records keep flowing until every kill is done, and at least RECORDS are written.
    long replayBound = 0;
    Thread producer =
        new Thread(
            () -> {
              try {
                while (!stop.get() || produced.get() < RECORDS) {
                  Thread.sleep(300);
                  int from = produced.get();
                  KINESIS.put("flow-alo-in", inputs(from, from + 100));
                  produced.set(from + 100);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    producer.start();
    try {
      try {
        replayBound =
            FlowRunner.failTaskManagers(
                cluster, job.getJobID(), FAILURES, () -> KAFKA.committedEndOffset("flow-alo-out"));
      } finally {
        stop.set(true);
        producer.join();
      }
      int total = produced.get();
      List<String> out = List.of();
      Map<Long, Integer> seen = Map.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (seen.size() < total && System.nanoTime() < deadline) {
        out = KAFKA.readCommittedValues("flow-alo-out", total, Duration.ofSeconds(5));
        seen = FlowRunner.countIds(out);
      }
      long duplicated = seen.values().stream().filter(c -> c > 1).count();
      long repeats = out.size() - seen.size();
      System.out.printf(
          "kinesis flow at-least-once: in=%d out=%d distinct=%d duplicated-ids=%d repeats=%d"
              + " replay-bound=%d taskmanager-kills=%d%n",
          total, out.size(), seen.size(), duplicated, repeats, replayBound, FAILURES);
      for (long id = 0; id < total; id++) {
        assertThat(seen).containsKey(id);
      }
      assertThat(seen).hasSize(total);
      // At least once, not more: every repeat is output written after the checkpoint a kill
      // restored from, and a record repeats at most once per restore.
      assertThat(repeats).isLessThanOrEqualTo(replayBound);
      assertThat(seen.values()).allMatch(c -> c <= 1 + FAILURES);
      assertThat(out).allMatch(v -> v.contains("\"fullName\"") && !v.contains("\"name\""));
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

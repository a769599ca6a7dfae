package dev.flow.connectors.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.connectors.testing.KafkaBroker;
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
 * The flow Kafka trigger, Remap Fields, Kafka publisher (exactly-once), compiled from YAML, while
 * records flow and the TaskManager is killed three times: read_committed gives every input exactly
 * once, remapped.
 */
class KafkaFlowExactlyOnceITCase {

  static final int RECORDS = 3000;
  static final int FAILURES = 3;

  @RegisterExtension
  @Order(1)
  static final KafkaBroker KAFKA = new KafkaBroker();

  @RegisterExtension
  @Order(2)
  static final MiniClusterExtension FLINK = FlowMiniCluster.extension();

  static final String FLOW =
      """
      name: Kafka exactly once
      settings:
        parallelism: 2
        checkpointing:
          interval: 500ms
        restart:
          strategy: fixed-delay
          attempts: 20
          delay: 500ms
      stages:
        - name: read orders
          action: Kafka Trigger
          props:
            bootstrapServers: %1$s
            topics: [flow-eo-in]
            startFrom: earliest
            connectTimeout: 5s
          out: [tidy]
        - name: tidy
          action: Remap Fields
          props:
            rename: {name: fullName}
          out: [write orders]
        - name: write orders
          action: Kafka Publisher
          props:
            bootstrapServers: %1$s
            topic: flow-eo-out
            keyField: id
            delivery: exactly-once
          out: []
      """;

  @Test
  void everyInputArrivesExactlyOnceThroughTaskManagerFailures(
      @InjectMiniCluster MiniCluster cluster) throws Exception {
    KAFKA.createTopic("flow-eo-in", 2);
    KAFKA.createTopic("flow-eo-out", 2);
    KAFKA.produce("flow-eo-in", inputs(0, 1000));
    JobClient job =
        FlowRunner.start(String.format(FLOW, KAFKA.bootstrapServers()), "kafka-eo.yaml");
    AtomicInteger produced = new AtomicInteger(1000);
    AtomicBoolean stop = new AtomicBoolean();
    // Records keep flowing until every kill is done, and at least RECORDS are written.
    Thread producer =
        new Thread(
            () -> {
              try {
                while (!stop.get() || produced.get() < RECORDS) {
                  Thread.sleep(300);
                  int from = produced.get();
                  KAFKA.produce("flow-eo-in", inputs(from, from + 100));
                  produced.set(from + 100);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    producer.start();
    try {
      try {
        FlowRunner.failTaskManagers(
            cluster, job.getJobID(), FAILURES, () -> KAFKA.committedEndOffset("flow-eo-out"));
      } finally {
        stop.set(true);
        producer.join();
      }
      int total = produced.get();
      List<String> out = KAFKA.readCommittedValues("flow-eo-out", total, Duration.ofSeconds(120));
      Thread.sleep(1500);
      out = KAFKA.readCommittedValues("flow-eo-out", total, Duration.ofSeconds(30));
      Map<Long, Integer> seen = FlowRunner.countIds(out);
      long duplicates = seen.values().stream().filter(c -> c > 1).count();
      List<String> notRemapped = new ArrayList<>();
      for (String v : out) {
        if (!v.contains("\"fullName\"") || v.contains("\"name\"")) {
          notRemapped.add(v);
        }
      }
      System.out.printf(
          "kafka flow exactly-once: in=%d out=%d distinct=%d duplicates=%d"
              + " taskmanager-kills=%d%n",
          total, out.size(), seen.size(), duplicates, FAILURES);
      assertThat(notRemapped).isEmpty();
      assertThat(duplicates).isZero();
      assertThat(out).hasSize(total);
      for (long id = 0; id < total; id++) {
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

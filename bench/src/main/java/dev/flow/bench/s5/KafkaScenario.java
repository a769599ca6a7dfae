package dev.flow.bench.s5;

import dev.flow.bench.Alternating;
import dev.flow.bench.Alternating.Stats;
import dev.flow.bench.Events;
import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import dev.flow.bench.Variant;
import dev.flow.connectors.testing.KafkaBroker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * S5: Kafka → remap → Kafka with exactly-once delivery on a real (in-JVM, KRaft) broker, Flow's
 * compiled YAML flow against the same hand-written DataStream job, both reading the same pre-filled
 * input topic.
 */
public final class KafkaScenario implements Scenario {
  static final String INPUT = "s5-in";

  private final Path flowYaml;
  private final Path tmp;

  public KafkaScenario(Path flowYaml, Path tmp) {
    this.flowYaml = flowYaml;
    this.tmp = tmp;
  }

  @Override
  public String id() {
    return "S5";
  }

  @Override
  public String title() {
    return "Kafka → remap → Kafka exactly-once, parallelism 1, checkpoint every "
        + KafkaRun.CHECKPOINT_INTERVAL.toMillis()
        + " ms, in-JVM broker";
  }

  /**
   * Half the events of the other scenarios: every round writes and reads them back through Kafka.
   */
  static int events(Settings s) {
    return s.quick() ? s.events() / 2 : s.events() / 4;
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    int n = events(s);
    Events.prepare(s.events());
    try (KafkaBroker kafka = new KafkaBroker()) {
      long t0 = System.nanoTime();
      kafka.start();
      kafka.createTopic(INPUT, 1);
      fill(kafka, n);
      log.printf(
          "  broker started and %,d events (%.0f B average) written to %s in %.1f s%n",
          n, Events.averageSize(), INPUT, (System.nanoTime() - t0) / 1e9);
      List<Variant> variants =
          List.of(
              new HandwrittenKafka(kafka, INPUT, n),
              new FlowKafka(kafka, INPUT, n, flowYaml, tmp.resolve("s5.yaml")));
      Map<String, Stats> stats = Alternating.run(variants, s.warmups(), s.rounds(), log);
      double hand = stats.get("handwritten").median();
      long checksum = stats.get("handwritten").last().checksum();
      for (Stats st : stats.values()) {
        double m = st.median();
        String note = String.format("spread %s–%s", Report.rate(st.min()), Report.rate(st.max()));
        if (st.last().checksum() != checksum) {
          note += "; OUTPUT DIFFERS from the hand-written job's";
        }
        note +=
            st.name().equals("flow")
                ? "; bench/flows/s5-kafka-remap.yaml: Kafka Trigger → Remap Fields → Kafka"
                    + " Publisher (exactly-once)"
                : "; KafkaSource → Jackson map → KafkaSink EXACTLY_ONCE";
        report.row(id(), st.name(), Report.rate(m), "×hand " + Report.ratio(m / hand), note);
      }
      report.summary("S5 flow/handwritten=" + Report.ratio(stats.get("flow").median() / hand));
    }
  }

  /** Writes events 0..n-1 to the input topic and waits for every acknowledgement. */
  static void fill(KafkaBroker kafka, int n) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < n; i++) {
        producer.send(new ProducerRecord<>(INPUT, Events.bytes(i)));
      }
      producer.flush();
    }
  }
}

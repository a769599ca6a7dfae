package dev.flow.connectors.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM, with transactions enabled. Register
 * it as a static JUnit 5 extension ({@code @RegisterExtension static final KafkaBroker KAFKA = new
 * KafkaBroker();}) or call {@link #start()} and {@link #close()} yourself.
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private KafkaClusterTestKit cluster;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  /** Formats and starts the broker; returns when it accepts clients. */
  public synchronized void start() throws Exception {
    if (cluster != null) {
      return;
    }
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .build();
    KafkaClusterTestKit kit =
        new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "4")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "4")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "false")
            .build();
    try {
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
    } catch (Exception e) {
      kit.close();
      throw e;
    }
    cluster = kit;
  }

  /** Stops the broker and deletes its data. */
  @Override
  public synchronized void close() throws Exception {
    if (cluster != null) {
      try {
        cluster.close();
      } finally {
        cluster = null;
      }
    }
  }

  public String bootstrapServers() {
    if (cluster == null) {
      throw new IllegalStateException("the Kafka broker is not started");
    }
    return cluster.bootstrapServers();
  }

  /** An admin client for this broker; the caller closes it. */
  public Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Admin.create(p);
  }

  /** Creates a topic and waits until it exists. */
  public void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  /** A producer of byte arrays; the caller closes it. */
  public KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** Writes UTF-8 values (no key) to a topic and waits for every acknowledgement. */
  public void produce(String topic, Collection<String> values) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (String v : values) {
        producer.send(new ProducerRecord<>(topic, v.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  /**
   * Reads a topic from the beginning with {@code read_committed} until at least {@code expected}
   * records arrived or {@code timeout} passed, then keeps reading briefly to catch surplus records.
   */
  public List<ConsumerRecord<byte[], byte[]>> readCommitted(
      String topic, int expected, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .collect(Collectors.toList());
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + timeout.toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        }
      }
    }
    return out;
  }

  /**
   * The sum over a topic's partitions of the last stable offsets: grows as transactions commit (and
   * as plain writes land), without reading any record. A cheap measure of progress.
   */
  public long committedEndOffset(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .collect(Collectors.toList());
      return consumer.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The values of {@link #readCommitted} as UTF-8 strings. */
  public List<String> readCommittedValues(String topic, int expected, Duration timeout) {
    return readCommitted(topic, expected, timeout).stream()
        .map(r -> r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }

  /** The committed offsets of a consumer group, by partition. */
  public Map<TopicPartition, Long> committedOffsets(String groupId) throws Exception {
    try (Admin admin = admin()) {
      return admin
          .listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
  }
}

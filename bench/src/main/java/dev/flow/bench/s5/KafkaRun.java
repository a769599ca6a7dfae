package dev.flow.bench.s5;

import dev.flow.bench.Variant;
import dev.flow.bench.flink.LocalFlink;
import dev.flow.connectors.testing.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What both S5 variants share: a fresh output topic per round, the job's time taken from its
 * execution graph (first task running to job finished, which includes the final checkpoint and the
 * commit of the last transaction), and a {@code read_committed} read of the output that checks
 * every record arrived.
 */
final class KafkaRun {
  /** Both variants checkpoint this often; exactly-once output is committed at checkpoints. */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);

  private static int rounds;

  private KafkaRun() {}

  /** Names of the topic, group and transactional ids of one round of one variant. */
  record Names(String output, String group, String txn) {
    static synchronized Names next(String variant) {
      int n = ++rounds;
      return new Names(
          "s5-out-" + variant + "-" + n, "s5-" + variant + "-" + n, "s5-" + variant + "-" + n);
    }
  }

  /**
   * The result of a finished job: the time from its first task running to its end, checked against
   * the committed output, which must hold exactly {@code expected} records.
   */
  static Variant.Result finish(
      KafkaBroker kafka, JobExecutionResult job, long wallNanos, String topic, long expected)
      throws Exception {
    long nanos = jobNanos(job, wallNanos);
    long[] out = readCommitted(kafka, topic);
    try (Admin admin = kafka.admin()) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
    if (out[0] != expected) {
      throw new IllegalStateException(
          topic + ": " + out[0] + " committed records, expected " + expected);
    }
    return new Variant.Result(expected, nanos, out[0], out[1], out[2]);
  }

  /** First task RUNNING to job FINISHED, from the cluster's record of the job. */
  private static long jobNanos(JobExecutionResult job, long wallNanos) throws Exception {
    AccessExecutionGraph g = LocalFlink.miniCluster().getExecutionGraph(job.getJobID()).get();
    long end = g.getStatusTimestamp(JobStatus.FINISHED);
    long start = Long.MAX_VALUE;
    for (AccessExecutionVertex v : g.getAllExecutionVertices()) {
      long t = v.getStateTimestamp(ExecutionState.RUNNING);
      if (t > 0) {
        start = Math.min(start, t);
      }
    }
    if (end <= 0 || start == Long.MAX_VALUE || end < start) {
      return wallNanos;
    }
    return (end - start) * 1_000_000L;
  }

  /** Reads the whole topic with read_committed: {records, bytes, checksum}. */
  static long[] readCommitted(KafkaBroker kafka, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    long records = 0;
    long bytes = 0;
    long checksum = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          byte[] b = r.value();
          records++;
          bytes += b.length;
          checksum += b.length * 31L + (b.length > 0 ? b[b.length / 2] : 0);
        }
      }
    }
    return new long[] {records, bytes, checksum};
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}

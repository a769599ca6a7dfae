package dev.flow.connectors.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.connectors.ConnectorException;
import dev.flow.connectors.EventTime;
import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.kinesis.AwsAccess.Credentials;
import dev.flow.connectors.kinesis.KinesisTriggerOptions.StartFrom;
import dev.flow.connectors.testing.KinesisEmulator;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.StageContext;
import dev.flow.spi.TriggerContext;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.StageHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kinesis trigger and publisher against the kinesis-local emulator on a MiniCluster. */
class KinesisITCase {

  @RegisterExtension
  @Order(1)
  static final KinesisEmulator KINESIS = new KinesisEmulator();

  @RegisterExtension
  @Order(2)
  static final MiniClusterExtension FLINK = FlowMiniCluster.extension();

  static StreamExecutionEnvironment env() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.getConfig().disableGenericTypes();
    env.getConfig().enableObjectReuse();
    env.setParallelism(1);
    return env;
  }

  static KinesisTriggerOptions read(String stream, String endpoint, Duration connectTimeout) {
    return new KinesisTriggerOptions(
        stream,
        new AwsAccess(
            KinesisEmulator.REGION,
            endpoint,
            Credentials.BASIC,
            KinesisEmulator.ACCESS_KEY,
            KinesisEmulator.SECRET_KEY),
        StartFrom.TRIM_HORIZON,
        null,
        PayloadFormat.JSON,
        null,
        new EventTime(null, null, null),
        Duration.ofMillis(500),
        null,
        connectTimeout);
  }

  static List<FlowRecord> await(String sink, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (CollectSink.received(sink).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return CollectSink.received(sink);
  }

  @Test
  void triggerReadsByStreamNameWithMetadataAndSendsNonJsonToTheErrorStage() throws Exception {
    KINESIS.createStream("k-in", 1);
    KINESIS.put("k-in", List.of("{\"id\":1}", "definitely not json", "{\"id\":3}"));
    StreamExecutionEnvironment env = env();
    StageHarness h = new StageHarness(env, "Events", FlowSettings.defaults(), false);
    TriggerContext ctx = h.triggerContext("read", new KinesisTriggerFactory(), 1);
    DataStream<FlowRecord> out =
        h.trigger(
            ctx,
            new KinesisTriggerFactory(),
            read("k-in", KINESIS.endpoint(), Duration.ofSeconds(5)));
    out.sinkTo(new CollectSink("k-out"));
    h.errors().sinkTo(new CollectSink("k-err"));
    JobClient job = env.executeAsync("kinesis trigger");
    try {
      List<FlowRecord> got = await("k-out", 2, Duration.ofSeconds(60));
      List<FlowRecord> errors = await("k-err", 1, Duration.ofSeconds(10));
      assertThat(got).extracting(FlowRecord::toJson).containsExactly("{\"id\":1}", "{\"id\":3}");
      FlowRecord first = got.get(0);
      assertThat(first.meta().get("stream").textValue()).isEqualTo(KinesisEmulator.arn("k-in"));
      assertThat(first.meta().get("partitionKey").textValue()).isEqualTo("0");
      String shard = first.meta().get("shardId").textValue();
      assertThat(first.runId())
          .isEqualTo(shard + "-" + first.meta().get("sequenceNumber").textValue());
      assertThat(first.meta().get("arrivalTime").isNumber()).isTrue();
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0).get("record").textValue()).isEqualTo("definitely not json");
      assertThat(errors.get(0).get("error").textValue())
          .isEqualTo(checkMessage("definitely not json"));
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void publisherWritesPayloadsWithPartitionKeysFromAField() throws Exception {
    KINESIS.createStream("k-pub", 2);
    StreamExecutionEnvironment env = env();
    env.enableCheckpointing(300);
    DataStream<FlowRecord> in =
        env.fromData(
            FlowRecordTypeInfo.INSTANCE,
            FlowRecord.parseJson(utf8("{\"id\":1,\"customer\":\"c-1\"}")),
            FlowRecord.parseJson(utf8("{\"id\":2,\"customer\":\"c-2\"}")),
            FlowRecord.parseJson(utf8("{\"id\":3}")).runId("run-3"));
    StageHarness h = new StageHarness(env, "Events", FlowSettings.defaults(), true);
    StageContext ctx = h.context("write", new KinesisPublisherFactory(), 1);
    new KinesisPublisherFactory()
        .publish(
            in,
            publisher(
                "{stream: '"
                    + KinesisEmulator.arn("k-pub")
                    + "', partitionKeyField: customer, connectTimeout: 5s}"),
            ctx);
    env.execute("kinesis publisher");
    List<Map.Entry<String, String>> got =
        KINESIS.readAll("k-pub", 3, Duration.ofSeconds(20)).stream()
            .sorted(Comparator.comparing(Map.Entry::getValue))
            .collect(Collectors.toList());
    assertThat(got)
        .containsExactly(
            Map.entry("c-1", "{\"id\":1,\"customer\":\"c-1\"}"),
            Map.entry("c-2", "{\"id\":2,\"customer\":\"c-2\"}"),
            Map.entry("run-3", "{\"id\":3}"));
  }

  /** The publisher's props from YAML, with the emulator's endpoint and credentials. */
  static KinesisPublisherOptions publisher(String yaml) {
    KinesisPublisherOptions o = StageHarness.options(new KinesisPublisherFactory(), yaml);
    return new KinesisPublisherOptions(
        o.stream(),
        new AwsAccess(
            o.aws().region(),
            o.aws().endpoint() != null ? o.aws().endpoint() : KINESIS.endpoint(),
            Credentials.BASIC,
            KinesisEmulator.ACCESS_KEY,
            KinesisEmulator.SECRET_KEY),
        o.partitionKeyField(),
        o.partitionKeyExpression(),
        o.properties(),
        o.connectTimeout(),
        o.batchSize(),
        o.linger(),
        o.timeout(),
        o.retries(),
        o.backoff(),
        o.maxBackoff(),
        o.maxInFlight());
  }

  /** A JSON record whose payload is larger than the 1 MiB Kinesis takes by default. */
  static String oversize(int id) {
    return "{\"id\":" + id + ",\"blob\":\"" + "x".repeat(1024 * 1024) + "\"}";
  }

  @Test
  void publisherSendsWhatKinesisRefusesToTheErrorStageAndWritesTheRest() throws Exception {
    KINESIS.createStream("k-refuse", 1);
    StreamExecutionEnvironment env = env();
    env.enableCheckpointing(300);
    StageHarness h = new StageHarness(env, "Events", FlowSettings.defaults(), true);
    String big = oversize(2);
    DataStream<FlowRecord> in = h.records("{\"id\":1}", big, "{\"id\":3}", oversize(4));
    h.publish(
        "write",
        new KinesisPublisherFactory(),
        publisher(
            "{stream: '"
                + KinesisEmulator.arn("k-refuse")
                + "', partitionKeyField: id, linger: 50ms}"),
        in);
    h.errors().sinkTo(new CollectSink("k-refused"));
    JobClient job = env.executeAsync("kinesis refusals");
    try {
      List<FlowRecord> errors = await("k-refused", 2, Duration.ofSeconds(60));
      assertThat(errors).hasSize(2);
      int size = big.getBytes(StandardCharsets.UTF_8).length;
      List<FlowRecord> sorted =
          errors.stream()
              .sorted(Comparator.comparing(e -> e.get("record").get("id").asInt()))
              .toList();
      for (int i = 0; i < 2; i++) {
        FlowRecord e = sorted.get(i);
        assertThat(e.get("stage").textValue()).isEqualTo("write");
        assertThat(e.get("action").textValue()).isEqualTo("Kinesis Publisher");
        assertThat(e.get("error").textValue())
            .isEqualTo(
                "Kinesis stream "
                    + KinesisEmulator.arn("k-refuse")
                    + " refused the record: InvalidArgumentException: Record data size "
                    + size
                    + " exceeds the stream's max record size of 1048576 bytes");
        assertThat(e.get("record").toString()).isEqualTo(oversize(2 + 2 * i));
      }
      job.getJobExecutionResult().get();
    } finally {
      if (!job.getJobStatus().get().isGloballyTerminalState()) {
        job.cancel().get();
      }
    }
    assertThat(KINESIS.readAll("k-refuse", 2, Duration.ofSeconds(20)))
        .containsExactly(Map.entry("1", "{\"id\":1}"), Map.entry("3", "{\"id\":3}"));
  }

  @Test
  void publisherRetriesAFailedRequestAndThenSendsItsRecordsToTheErrorStage() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StreamExecutionEnvironment env = env();
    StageHarness h = new StageHarness(env, "Events", FlowSettings.defaults(), true);
    DataStream<FlowRecord> in = h.records("{\"id\":1}", "{\"id\":2}");
    h.publish(
        "write",
        new KinesisPublisherFactory(),
        publisher(
            "{stream: '"
                + KinesisEmulator.arn("k-nowhere")
                + "', endpoint: 'http://localhost:"
                + port
                + "', connectTimeout: 0s, retries: 2, backoff: 50ms, maxBackoff: 100ms,"
                + " linger: 10ms}"),
        in);
    h.errors().sinkTo(new CollectSink("k-unreached"));
    JobClient job = env.executeAsync("kinesis unreachable");
    List<FlowRecord> errors;
    try {
      errors = await("k-unreached", 2, Duration.ofSeconds(60));
    } finally {
      if (!job.getJobStatus().get().isGloballyTerminalState()) {
        job.cancel().get();
      }
    }
    assertThat(errors)
        .extracting(e -> e.get("record").toString())
        .containsExactlyInAnyOrder("{\"id\":1}", "{\"id\":2}");
    assertThat(errors)
        .extracting(e -> e.get("error").textValue())
        .containsOnly(
            "cannot write the record to Kinesis stream "
                + KinesisEmulator.arn("k-nowhere")
                + ": Unable to execute HTTP request: Connection refused: localhost/127.0.0.1:"
                + port
                + " (after 3 attempts)");
  }

  @Test
  void anUnreachableEndpointOrAMissingStreamGivesAClearMessage() {
    StageHarness h = new StageHarness(env(), "Events", FlowSettings.defaults(), false);
    TriggerContext ctx = h.triggerContext("read events", new KinesisTriggerFactory(), 1);
    assertThatThrownBy(
            () ->
                h.trigger(
                    ctx,
                    new KinesisTriggerFactory(),
                    read("k-none", KINESIS.endpoint(), Duration.ofSeconds(5))))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith(
            "stage \"read events\" (Kinesis Trigger): Kinesis stream k-none does not exist at "
                + KINESIS.endpoint());
    assertThatThrownBy(
            () ->
                h.trigger(
                    ctx,
                    new KinesisTriggerFactory(),
                    read("k-in", "http://localhost:1", Duration.ofSeconds(2))))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith(
            "stage \"read events\" (Kinesis Trigger): cannot reach Kinesis at"
                + " http://localhost:1: Unable to execute HTTP request");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The message of the framework's JSON check for these bytes. */
  static String checkMessage(String raw) {
    try {
      FlowRecord.ofJsonBytes(raw.getBytes(StandardCharsets.UTF_8)).validate();
      throw new AssertionError("'" + raw + "' passed the JSON check");
    } catch (dev.flow.record.InvalidRecordException e) {
      return e.getMessage();
    }
  }
}

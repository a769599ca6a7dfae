package dev.flow.connectors.kafka;

import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.RecordDecoder;
import dev.flow.connectors.StartPosition;
import dev.flow.connectors.kafka.KafkaTriggerOptions.Fallback;
import dev.flow.connectors.kafka.KafkaTriggerOptions.StartFrom;
import dev.flow.record.FlowRecord;
import dev.flow.spi.IoContext;
import dev.flow.spi.Resource;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The {@code Kafka} trigger: reads one or more Kafka topics, one run per message. */
public final class KafkaTriggerFactory implements TriggerFactory<KafkaTriggerOptions> {

  @Override
  public String name() {
    return "Kafka Trigger";
  }

  @Override
  public java.util.List<String> aliases() {
    return java.util.List.of("Kafka Source", "Read Kafka");
  }

  @Override
  public String description() {
    return "Reads messages from Kafka topics; each message starts a run. Offsets are committed"
        + " with each checkpoint, and a restored job resumes exactly where it was.";
  }

  @Override
  public Class<KafkaTriggerOptions> optionsClass() {
    return KafkaTriggerOptions.class;
  }

  @Override
  public Optional<StageState> state(KafkaTriggerOptions o) {
    return Optional.of(
        StageState.of("the assigned partitions and their offsets")
            .setting("topics", o.topics() != null ? o.topics() : o.topicPattern().pattern()));
  }

  @Override
  public boolean isBounded(KafkaTriggerOptions o) {
    return o.bounded();
  }

  @Override
  public void validate(KafkaTriggerOptions o, ValidationContext ctx) {
    boolean hasTopics = o.topics() != null && !o.topics().isEmpty();
    if (hasTopics == (o.topicPattern() != null)) {
      ctx.error(hasTopics ? "topicPattern" : null, "set either topics or topicPattern, not both");
    }
    StartPosition.validate(
        ctx, o.startFrom() == StartFrom.TIMESTAMP, "timestamp", o.startTimestamp());
    o.eventTime().validate(ctx, o.format());
    KafkaClients.checkProperties(ctx, o.properties(), KafkaClients.SOURCE_OWNED);
  }

  @Override
  public DataStream<FlowRecord> create(KafkaTriggerOptions o, TriggerContext ctx) {
    KafkaClients.check(
        ctx,
        o.bootstrapServers(),
        o.properties(),
        o.topics(),
        o.connectTimeout() == null ? Duration.ofSeconds(10) : o.connectTimeout());
    return ctx.fromSource(source(o, ctx.flowName(), ctx.stageName()), watermarks(o));
  }

  /** The Kafka source for these options. */
  static KafkaSource<FlowRecord> source(KafkaTriggerOptions o, String flow, String stage) {
    Properties props = KafkaClients.properties(o.bootstrapServers(), o.properties());
    props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    String groupId = o.groupId() != null ? o.groupId() : defaultGroupId(flow, stage);
    KafkaSourceBuilder<FlowRecord> b =
        KafkaSource.<FlowRecord>builder()
            .setProperties(props)
            .setBootstrapServers(o.bootstrapServers())
            .setGroupId(groupId)
            .setClientIdPrefix(groupId)
            .setStartingOffsets(offsets(o))
            .setDeserializer(
                new KafkaMessageDecoder(
                    new RecordDecoder(
                        o.format() == null ? PayloadFormat.JSON : o.format(),
                        o.valueField(),
                        o.eventTimeField())));
    if (o.topics() != null && !o.topics().isEmpty()) {
      b.setTopics(o.topics());
    } else {
      b.setTopicPattern(o.topicPattern());
    }
    if (o.bounded()) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  static WatermarkStrategy<FlowRecord> watermarks(KafkaTriggerOptions o) {
    return o.eventTime().watermarks();
  }

  static OffsetsInitializer offsets(KafkaTriggerOptions o) {
    StartFrom from = o.startFrom() == null ? StartFrom.COMMITTED : o.startFrom();
    return switch (from) {
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case TIMESTAMP -> OffsetsInitializer.timestamp(o.startTimestamp().toEpochMilli());
      case COMMITTED ->
          OffsetsInitializer.committedOffsets(
              o.fallback() == Fallback.LATEST
                  ? OffsetResetStrategy.LATEST
                  : OffsetResetStrategy.EARLIEST);
    };
  }

  /** The group of a trigger that sets none: {@code flow-<flow>-<stage>}, lower case. */
  static String defaultGroupId(String flow, String stage) {
    return "flow-" + slug(flow) + "-" + slug(stage);
  }

  /** Lower case, with every run of characters other than letters and digits made one dash. */
  static String slug(String s) {
    String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return t.replaceAll("^-|-$", "");
  }

  /** Reads its topics, or the topics its pattern matches, on its cluster. */
  @Override
  public List<Resource> io(KafkaTriggerOptions o, IoContext ctx) {
    String cluster = Resource.hostList(o.bootstrapServers());
    if (o.topicPattern() != null) {
      return List.of(
          Resource.reads("kafka-topic", cluster, o.topicPattern().pattern())
              .withMatch(Resource.Match.PATTERN));
    }
    if (o.topics() == null) {
      return List.of();
    }
    return o.topics().stream().map(t -> Resource.reads("kafka-topic", cluster, t)).toList();
  }
}

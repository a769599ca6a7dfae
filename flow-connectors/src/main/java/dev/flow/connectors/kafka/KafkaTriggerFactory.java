package dev.flow.connectors.kafka;

import dev.flow.connectors.EventTimeWatermarks;
import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.Props;
import dev.flow.connectors.RecordDecoder;
import dev.flow.connectors.kafka.KafkaTriggerOptions.Fallback;
import dev.flow.connectors.kafka.KafkaTriggerOptions.StartFrom;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
            .setting("topics", o.topics() != null ? o.topics() : o.topicPattern()));
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
    if (o.topicPattern() != null) {
      try {
        Pattern.compile(o.topicPattern());
      } catch (PatternSyntaxException e) {
        ctx.error("topicPattern", "not a valid regular expression: " + e.getDescription());
      }
    }
    if (o.startFrom() == StartFrom.TIMESTAMP) {
      if (o.startTimestamp() == null) {
        ctx.error("startTimestamp", "startFrom: timestamp needs startTimestamp");
      } else if (Props.epochMillis(o.startTimestamp()) == null) {
        ctx.error(
            "startTimestamp",
            "'"
                + o.startTimestamp()
                + "' is neither epoch milliseconds nor an ISO-8601 instant"
                + " such as 2024-05-01T00:00:00Z");
      }
    } else if (o.startTimestamp() != null) {
      ctx.warning("startTimestamp", "startTimestamp is used only with startFrom: timestamp");
    }
    Props.checkPath(ctx, "valueField", o.valueField());
    Props.checkPath(ctx, "eventTimeField", o.eventTimeField());
    if (o.eventTimeField() != null && o.format() != null && o.format() != PayloadFormat.JSON) {
      ctx.error("eventTimeField", "eventTimeField needs format: json");
    }
    if (o.maxOutOfOrderness() != null && o.maxOutOfOrderness().isNegative()) {
      ctx.error("maxOutOfOrderness", "must not be negative");
    }
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
      b.setTopicPattern(Pattern.compile(o.topicPattern()));
    }
    if (o.bounded()) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  static WatermarkStrategy<FlowRecord> watermarks(KafkaTriggerOptions o) {
    if (o.eventTimeField() == null) {
      return WatermarkStrategy.noWatermarks();
    }
    return EventTimeWatermarks.boundedOutOfOrderness(
        o.maxOutOfOrderness() == null ? Duration.ofSeconds(5) : o.maxOutOfOrderness(),
        o.idleTimeout());
  }

  static OffsetsInitializer offsets(KafkaTriggerOptions o) {
    StartFrom from = o.startFrom() == null ? StartFrom.COMMITTED : o.startFrom();
    return switch (from) {
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case TIMESTAMP -> OffsetsInitializer.timestamp(Props.epochMillis(o.startTimestamp()));
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
}

package dev.flow.connectors.kafka;

import dev.flow.connectors.ConnectorException;
import dev.flow.connectors.Route;
import dev.flow.connectors.kafka.KafkaPublisherOptions.Delivery;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.IoContext;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.Resource;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The {@code Kafka} publisher: writes each record's JSON payload to a Kafka topic. */
public final class KafkaPublisherFactory implements PublisherFactory<KafkaPublisherOptions> {

  static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofSeconds(60);
  static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  @Override
  public String name() {
    return "Kafka Publisher";
  }

  @Override
  public java.util.List<String> aliases() {
    return java.util.List.of("Kafka Sink", "Publish to Kafka");
  }

  @Override
  public String description() {
    return "Writes each record's JSON payload to a Kafka topic, fixed or chosen per record, with"
        + " exactly-once delivery through Kafka transactions by default.";
  }

  @Override
  public Class<KafkaPublisherOptions> optionsClass() {
    return KafkaPublisherOptions.class;
  }

  @Override
  public Optional<StageState> state(KafkaPublisherOptions o) {
    return Optional.of(
        StageState.of("the open transactions of the sink", "sink")
            .setting("delivery", o.delivery())
            .setting("transactionalIdPrefix", o.transactionalIdPrefix()));
  }

  @Override
  public void validate(KafkaPublisherOptions o, ValidationContext ctx) {
    int targets =
        (o.topic() != null ? 1 : 0)
            + (o.topicField() != null ? 1 : 0)
            + (o.topicExpression() != null ? 1 : 0);
    if (targets != 1) {
      ctx.error(
          targets == 0 ? "topic" : null,
          targets == 0
              ? "set topic, topicField or topicExpression"
              : "set only one of topic, topicField and topicExpression");
    }
    if (o.keyField() != null && o.keyExpression() != null) {
      ctx.error("keyExpression", "set keyField or keyExpression, not both");
    }
    KafkaClients.checkProperties(ctx, o.properties(), KafkaClients.SINK_OWNED);
    Duration timeout = transactionTimeout(o);
    if (timeout.compareTo(BROKER_MAX_TRANSACTION_TIMEOUT) > 0) {
      ctx.warning(
          "transactionTimeout",
          "brokers refuse transactions longer than transaction.max.timeout.ms, 15 minutes by"
              + " default");
    }
    FlowSettings.Checkpointing cp = ctx.settings().checkpointing();
    if (o.delivery() == Delivery.EXACTLY_ONCE) {
      if (cp.enabled() == FlowSettings.Toggle.OFF) {
        ctx.error(
            "delivery",
            "exactly-once needs checkpointing: nothing would ever be committed with"
                + " settings.checkpointing.enabled off");
      } else if (cp.interval() != null && timeout.compareTo(cp.interval()) <= 0) {
        ctx.error(
            "transactionTimeout",
            "must be longer than the checkpoint interval ("
                + cp.interval().toMillis()
                + " ms), or transactions time out before they are committed");
      }
    }
  }

  @Override
  public void publish(DataStream<FlowRecord> input, KafkaPublisherOptions o, StageContext ctx) {
    KafkaClients.check(
        ctx,
        o.bootstrapServers(),
        o.properties(),
        null,
        o.connectTimeout() == null ? Duration.ofSeconds(10) : o.connectTimeout());
    Route route = new Route("topic", o.topicField(), o.topicExpression(), o.keyExpression());
    DataStream<FlowRecord> routed = route.isNeeded() ? ctx.process(input, route) : input;
    DeliveryGuarantee guarantee = guarantee(o, ctx);
    ctx.write(routed, sink(o, guarantee, ctx.flowName(), ctx.stageName()))
        .name(ctx.stageName())
        .uid(ctx.uid("sink"))
        .setParallelism(ctx.parallelism());
  }

  /** The sink for these options. */
  static KafkaSink<FlowRecord> sink(
      KafkaPublisherOptions o, DeliveryGuarantee guarantee, String flow, String stage) {
    Map<String, FieldPath> headers =
        o.headers() == null ? Map.of() : new LinkedHashMap<>(o.headers());
    Properties props = producerProperties(o);
    KafkaSinkBuilder<FlowRecord> b =
        KafkaSink.<FlowRecord>builder()
            .setBootstrapServers(o.bootstrapServers())
            .setKafkaProducerConfig(props)
            .setRecordSerializer(new KafkaMessageEncoder(o.topic(), o.keyField(), headers))
            .setDeliveryGuarantee(guarantee);
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      b.setTransactionalIdPrefix(
          o.transactionalIdPrefix() != null
              ? o.transactionalIdPrefix()
              : KafkaTriggerFactory.defaultGroupId(flow, stage));
      b.setProperty(
          ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
          Long.toString(transactionTimeout(o).toMillis()));
    }
    return b.build();
  }

  /**
   * The producer's properties: the user's, over Flow's batching defaults, so that a busy flow sends
   * few large produce requests instead of many small ones.
   */
  static Properties producerProperties(KafkaPublisherOptions o) {
    Properties p = KafkaClients.properties(o.bootstrapServers(), o.properties());
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, KafkaPublisherOptions.DEFAULT_LINGER_MS);
    p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, KafkaPublisherOptions.DEFAULT_BATCH_SIZE);
    return p;
  }

  /** The guarantee set, or the default: exactly-once when checkpointing runs exactly-once. */
  static DeliveryGuarantee guarantee(KafkaPublisherOptions o, StageContext ctx) {
    boolean checkpointing = checkpointing(ctx);
    if (o.delivery() == null) {
      boolean exactlyOnceMode =
          ctx.settings().checkpointing().mode() != FlowSettings.Checkpointing.Mode.AT_LEAST_ONCE;
      return checkpointing && exactlyOnceMode
          ? DeliveryGuarantee.EXACTLY_ONCE
          : DeliveryGuarantee.AT_LEAST_ONCE;
    }
    return switch (o.delivery()) {
      case EXACTLY_ONCE -> {
        if (!checkpointing) {
          throw ConnectorException.of(
              ctx, "delivery exactly-once needs checkpointing, which is off for this flow");
        }
        yield DeliveryGuarantee.EXACTLY_ONCE;
      }
      case AT_LEAST_ONCE -> DeliveryGuarantee.AT_LEAST_ONCE;
      case NONE -> DeliveryGuarantee.NONE;
    };
  }

  /** Whether the job checkpoints: as configured on the environment, or as the settings say. */
  static boolean checkpointing(StageContext ctx) {
    if (ctx.env().getCheckpointConfig().isCheckpointingEnabled()) {
      return true;
    }
    FlowSettings.Toggle t = ctx.settings().checkpointing().enabled();
    return t == FlowSettings.Toggle.ON || (t == FlowSettings.Toggle.AUTO && !ctx.isBounded());
  }

  static Duration transactionTimeout(KafkaPublisherOptions o) {
    return o.transactionTimeout() == null ? DEFAULT_TRANSACTION_TIMEOUT : o.transactionTimeout();
  }

  /**
   * Writes its fixed topic (a topic chosen per record names no resource); exactly-once, the
   * transactional id prefix is what it must hold alone.
   */
  @Override
  public List<Resource> io(KafkaPublisherOptions o, IoContext ctx) {
    if (o.topic() == null) {
      return List.of();
    }
    Resource r = Resource.writes("kafka-topic", Resource.hostList(o.bootstrapServers()), o.topic());
    if (exactlyOnce(o, ctx.settings())) {
      String prefix =
          o.transactionalIdPrefix() != null
              ? o.transactionalIdPrefix()
              : KafkaTriggerFactory.defaultGroupId(ctx.flowName(), ctx.stageName());
      r = r.withExclusive("transactional id prefix '" + prefix + "' (exactly-once)");
    }
    return List.of(r);
  }

  /** Writes each record's payload as it is. */
  @Override
  public FieldEffects fields(KafkaPublisherOptions o) {
    return FieldEffects.UNCHANGED;
  }

  /** Whether the publisher writes exactly-once, as far as the settings tell before the job. */
  static boolean exactlyOnce(KafkaPublisherOptions o, FlowSettings settings) {
    if (o.delivery() != null) {
      return o.delivery() == Delivery.EXACTLY_ONCE;
    }
    FlowSettings.Checkpointing cp = settings.checkpointing();
    return cp.enabled() != FlowSettings.Toggle.OFF
        && cp.mode() != FlowSettings.Checkpointing.Mode.AT_LEAST_ONCE;
  }
}

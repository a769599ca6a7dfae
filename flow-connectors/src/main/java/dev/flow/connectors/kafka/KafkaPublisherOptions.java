package dev.flow.connectors.kafka;

import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.time.Duration;
import java.util.Map;

/** Props of the {@code Kafka} publisher. */
public record KafkaPublisherOptions(
    @Prop(
            description = "Kafka bootstrap servers, host:port separated by commas.",
            required = true,
            example = "localhost:9092")
        String bootstrapServers,
    @Prop(
            description =
                "The topic every record goes to. Set one of topic, topicField and"
                    + " topicExpression.",
            example = "orders-clean")
        String topic,
    @Prop(description = "A field whose value names each record's topic.") FieldPath topicField,
    @Prop(
            description = "An expression that computes each record's topic.",
            example = "\"orders-\" + country")
        Expression topicExpression,
    @Prop(description = "A field whose value becomes the message key.") FieldPath keyField,
    @Prop(description = "An expression that computes the message key.", example = "customer.id")
        Expression keyExpression,
    @Prop(
            description =
                "Headers to add: each header name maps to the field whose value it carries."
                    + " A header whose field is absent is left out.",
            example = "{traceId: trace.id}")
        Map<String, FieldPath> headers,
    @Prop(
            description =
                "exactly-once (Kafka transactions, committed with each checkpoint), at-least-once"
                    + " or none. Defaults to exactly-once when checkpointing is on (in"
                    + " exactly-once mode), else at-least-once.")
        Delivery delivery,
    @Prop(
            description =
                "Prefix of the transactional ids (exactly-once). Defaults to flow-<flow"
                    + " name>-<stage name>; must be unique among jobs writing to the same"
                    + " cluster.")
        String transactionalIdPrefix,
    @Prop(
            description =
                "Kafka transaction timeout (exactly-once). Must exceed the time between"
                    + " checkpoints plus a restart, and must not exceed the brokers'"
                    + " transaction.max.timeout.ms (15 minutes by default).",
            defaultValue = "60s")
        Duration transactionTimeout,
    @Prop(
            description =
                "Kafka producer properties passed as they are, e.g. security.protocol,"
                    + " sasl.jaas.config, compression.type, linger.ms. Unless set here, Flow"
                    + " sets linger.ms to "
                    + DEFAULT_LINGER_MS
                    + " and batch.size to "
                    + DEFAULT_BATCH_SIZE
                    + ".",
            secret = true)
        Map<String, String> properties,
    @Prop(
            description =
                "Check that the brokers answer when the job is built; 0s skips the check.",
            defaultValue = "10s")
        Duration connectTimeout) {

  /**
   * The producer's linger.ms unless the properties set it: a record waits up to 5 ms (the default
   * of Kafka 4's producer) for others to share its request.
   */
  public static final String DEFAULT_LINGER_MS = "5";

  /** The producer's batch.size unless the properties set it: up to 256 KiB per partition. */
  public static final String DEFAULT_BATCH_SIZE = "262144";

  /** The delivery guarantee of the publisher. */
  public enum Delivery {
    EXACTLY_ONCE,
    AT_LEAST_ONCE,
    NONE
  }
}

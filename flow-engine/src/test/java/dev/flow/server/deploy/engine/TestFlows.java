package dev.flow.server.deploy.engine;

/** The flows the engine tests run: Kafka, Deduplicate, Kafka, exactly once. */
final class TestFlows {
  private TestFlows() {}

  /**
   * The flow from {@code in} to {@code out}, with its Deduplicate stage called {@code dedupe}; the
   * brokers come from {@code ${kafka__bootstrap}}, and the consumer carries the secret {@code
   * ${kafka__password}} as a password-type property.
   */
  static String dedupe(String in, String out, String dedupe, String extraSettings) {
    return """
        name: dedupe orders
        settings:
          parallelism: 1
          checkpointing:
            interval: 1s
        %s
        stages:
          - name: orders
            action: Kafka Trigger
            props:
              bootstrapServers: ${kafka__bootstrap}
              topics: [%s]
              groupId: g-%s
              startFrom: earliest
              properties:
                ssl.key.password: ${kafka__password}
            out: [%s]
          - name: %s
            action: Deduplicate
            props:
              keyField: id
              ttl: 1h
            out: [sink]
          - name: sink
            action: Kafka Publisher
            props:
              bootstrapServers: ${kafka__bootstrap}
              topic: %s
              keyField: id
              delivery: exactly-once
              transactionalIdPrefix: tx-%s
              transactionTimeout: 60s
            out: []
        """
        .formatted(extraSettings, in, in, dedupe, dedupe, out, out);
  }
}

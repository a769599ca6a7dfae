package dev.flow.connectors.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-JVM broker starts, carries records, and stops. */
class KafkaBrokerITCase {

  @Test
  void startsCarriesRecordsAndStops() throws Exception {
    KafkaBroker broker = new KafkaBroker();
    broker.start();
    try {
      assertThat(broker.bootstrapServers()).contains(":");
      broker.createTopic("smoke", 2);
      broker.produce("smoke", List.of("a", "b", "c"));
      assertThat(broker.readCommittedValues("smoke", 3, Duration.ofSeconds(20)))
          .containsExactlyInAnyOrder("a", "b", "c");
    } finally {
      broker.close();
    }
    assertThatThrownBy(broker::bootstrapServers).hasMessageContaining("not started");
  }
}

package dev.flow.connectors.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.connectors.Backoff;
import dev.flow.connectors.testing.RecordingValidationContext;
import dev.flow.testing.StageHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kinesis publisher's retry rules and the props that feed them. */
class KinesisPublisherTest {

  @Test
  void passingRefusalsAreRetriedAndFinalOnesAreNot() {
    assertThat(KinesisFailures.retryable("ProvisionedThroughputExceededException")).isTrue();
    assertThat(KinesisFailures.retryable("InternalFailure")).isTrue();
    assertThat(KinesisFailures.retryable("KMSThrottlingException")).isTrue();
    assertThat(KinesisFailures.retryable("InvalidArgumentException")).isFalse();
    assertThat(KinesisFailures.retryable("KMSAccessDeniedException")).isFalse();
    assertThat(KinesisFailures.retryable((String) null)).isFalse();
    assertThat(KinesisFailures.entry("InternalFailure", "Internal service failure."))
        .isEqualTo("InternalFailure: Internal service failure.");
    assertThat(KinesisFailures.entry("InternalFailure", null)).isEqualTo("InternalFailure");
  }

  @Test
  void backoffDoublesWithJitterUpToItsCap() {
    for (int i = 0; i < 100; i++) {
      assertThat(Backoff.jitteredMillis(1, 200, 10_000)).isBetween(100L, 200L);
      assertThat(Backoff.jitteredMillis(3, 200, 10_000)).isBetween(400L, 800L);
      assertThat(Backoff.jitteredMillis(40, 200, 10_000)).isBetween(5_000L, 10_000L);
    }
  }

  private static List<String> validate(String yaml) {
    RecordingValidationContext ctx = new RecordingValidationContext();
    new KinesisPublisherFactory()
        .validate(StageHarness.options(new KinesisPublisherFactory(), yaml), ctx);
    return ctx.problems();
  }

  @Test
  void batchSizeRetriesAndDurationsAreCheckedAgainstWhatKinesisTakes() {
    assertThat(validate("{stream: s, region: us-east-1}")).isEmpty();
    assertThat(
            validate(
                "{stream: s, region: us-east-1, batchSize: 501, retries: -1, maxInFlight: 0,"
                    + " timeout: 0s}"))
        .containsExactlyInAnyOrder(
            "error batchSize: a PutRecords request holds 1 to 500 records, not 501",
            "error retries: retries cannot be negative",
            "error maxInFlight: at least one record must be allowed in flight",
            "error timeout: timeout must be more than 0s");
  }
}

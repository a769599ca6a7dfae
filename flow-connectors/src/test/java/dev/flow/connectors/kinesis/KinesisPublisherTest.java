package dev.flow.connectors.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.connectors.Backoff;
import dev.flow.connectors.testing.RecordingValidationContext;
import dev.flow.testing.StageHarness;
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

  @Test
  void batchSizeRetriesAndDurationsAreCheckedAgainstWhatKinesisTakes() {
    RecordingValidationContext ok = new RecordingValidationContext();
    new KinesisPublisherFactory()
        .validate(
            StageHarness.options(new KinesisPublisherFactory(), "{stream: s, region: us-east-1}"),
            ok);
    assertThat(ok.problems()).isEmpty();
    assertThatThrownBy(
            () ->
                StageHarness.options(
                    new KinesisPublisherFactory(),
                    "{stream: s, region: us-east-1, batchSize: 501, retries: -1, maxInFlight: 0,"
                        + " timeout: 0s}"))
        .hasMessage(
            "props:1:43: error: stage \"test\" (Kinesis Publisher): prop 'batchSize' must be from"
                + " 1 to 500, found 501\n"
                + "props:1:86: error: stage \"test\" (Kinesis Publisher): prop 'timeout' must be"
                + " 1ms or more, found 0s\n"
                + "props:1:57: error: stage \"test\" (Kinesis Publisher): prop 'retries' must be 0"
                + " or more, found -1\n"
                + "props:1:74: error: stage \"test\" (Kinesis Publisher): prop 'maxInFlight' must"
                + " be 1 or more, found 0");
  }
}

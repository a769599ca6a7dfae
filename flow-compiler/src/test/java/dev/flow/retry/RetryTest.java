package dev.flow.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.spi.FatalStageException;
import dev.flow.spi.TransientStageException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** What counts as transient, and the backoff between tries. */
class RetryTest {

  @Test
  void ioTimeoutsAndMarkedFailuresAreTransientWhereverTheyAreInTheCauses() {
    assertThat(RetryingProcessor.isTransient(new IOException("x"))).isTrue();
    assertThat(RetryingProcessor.isTransient(new RuntimeException(new ConnectException("x"))))
        .isTrue();
    assertThat(RetryingProcessor.isTransient(new TimeoutException())).isTrue();
    assertThat(RetryingProcessor.isTransient(new TransientStageException("busy"))).isTrue();
    assertThat(RetryingProcessor.isTransient(new IllegalArgumentException("bad field"))).isFalse();
    assertThat(RetryingProcessor.isTransient(new FatalStageException("down"))).isFalse();
  }

  @Test
  void malformedDataReadThroughAnIoInterfaceIsTheRecordsFaultNotTransient() {
    assertThat(
            RetryingProcessor.isTransient(
                new java.io.UncheckedIOException(
                    new com.fasterxml.jackson.core.JsonParseException(
                        null, "Unexpected character"))))
        .isFalse();
    assertThat(RetryingProcessor.isTransient(new java.nio.charset.MalformedInputException(1)))
        .isFalse();
  }

  @Test
  void retriesAreOnByDefaultThreeTriesWaiting1sThen2s() {
    Retry unset = new Retry(null, null, null);
    assertThat(unset.tries()).isEqualTo(3);
    assertThat(unset.waitAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(unset.waitAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(unset.waitAfter(9)).isEqualTo(Duration.ofSeconds(30));
    assertThat(Retry.defaults())
        .isEqualTo(new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(30)));
  }

  @Test
  void theBackoffDoublesUpToItsMaximum() {
    Retry r = new Retry(6, Duration.ofMillis(100), Duration.ofMillis(350));
    assertThat(r.waitAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(r.waitAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(r.waitAfter(3)).isEqualTo(Duration.ofMillis(350));
    assertThat(r.waitAfter(5)).isEqualTo(Duration.ofMillis(350));
  }

  @Test
  void oneAttemptLeavesTheProcessorAsItIs() {
    dev.flow.spi.RecordProcessor p = (record, out) -> out.collect(record);
    assertThat(RetryingProcessor.wrap(p, Retry.none())).isSameAs(p);
    assertThat(RetryingProcessor.wrap(p, null)).isSameAs(p);
    assertThat(RetryingProcessor.wrap(p, new Retry(2, null, null))).isNotSameAs(p);
    assertThat(RetryingProcessor.wrap(p, new Retry(null, null, null))).isNotSameAs(p);
  }
}

package dev.flow.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void backoffDoublesWithJitterUpToTheCap() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500));
    for (int i = 0; i < 50; i++) {
      assertThat(p.backoffMillis(1)).isBetween(50L, 100L);
      assertThat(p.backoffMillis(2)).isBetween(100L, 200L);
      assertThat(p.backoffMillis(3)).isBetween(200L, 400L);
      assertThat(p.backoffMillis(4)).isBetween(250L, 500L);
      assertThat(p.backoffMillis(30)).isBetween(250L, 500L);
    }
  }

  @Test
  void onlyServerErrorsAndTooManyRequestsAreRetried() {
    assertThat(RetryPolicy.retryable(500)).isTrue();
    assertThat(RetryPolicy.retryable(503)).isTrue();
    assertThat(RetryPolicy.retryable(429)).isTrue();
    assertThat(RetryPolicy.retryable(404)).isFalse();
    assertThat(RetryPolicy.retryable(400)).isFalse();
    assertThat(RetryPolicy.retryable(200)).isFalse();
  }

  @Test
  void theRateLimiterSpacesRequests() {
    // Three requests 5 ms apart: the clock is given, so a pause of the test's thread (the first
    // call's lambda linkage, a GC) cannot shorten the waits it sees.
    RateLimiter r = new RateLimiter(10);
    long t0 = System.nanoTime();
    assertThat(r.reserveMillis(t0)).isZero();
    long second = r.reserveMillis(t0 + 5_000_000);
    long third = r.reserveMillis(t0 + 10_000_000);
    assertThat(second).isBetween(90L, 100L);
    assertThat(third).isBetween(190L, 200L);
    assertThat(r.reserveMillis(t0 + 1_000_000_000)).isZero();
    assertThat(new RateLimiter(0).reserveMillis()).isZero();
  }
}

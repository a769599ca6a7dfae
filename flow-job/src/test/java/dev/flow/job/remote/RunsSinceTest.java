package dev.flow.job.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunsSinceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @Test
  void anInstantOrADurationBeforeNow() {
    assertThat(RunsCommand.since("2026-12-01T10:00:00Z", NOW))
        .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(RunsCommand.since("90m", NOW)).isEqualTo(Instant.parse("2026-12-02T10:30:00Z"));
    assertThat(RunsCommand.since("2d", NOW)).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    assertThatThrownBy(() -> RunsCommand.since("yesterday", NOW))
        .hasMessage(
            "--since is an instant (2026-12-01T10:00:00Z) or a duration (30m, 1h, 2d), found"
                + " 'yesterday'");
  }
}

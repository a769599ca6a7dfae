package dev.flow.actions.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.testing.StageProblems;
import dev.flow.actions.testing.TestOptions;
import dev.flow.record.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void tickRecordsCarryNumberScheduledTimeAndFields() throws Exception {
    TickFunction f =
        new TickFunction(new ScheduleClock(1000, 0), Json.MAPPER.readTree("{\"job\":\"export\"}"));
    var r = f.tick(0, 1_767_225_600_000L);
    assertThat(r.toJson())
        .isEqualTo("{\"tick\":1,\"scheduledTime\":\"2026-01-01T00:00:00Z\",\"job\":\"export\"}");
    assertThat(r.triggerTime()).isEqualTo(1_767_225_600_000L);
    assertThat(f.tick(41, 1_767_225_660_000L).toJson())
        .isEqualTo("{\"tick\":42,\"scheduledTime\":\"2026-01-01T00:01:00Z\",\"job\":\"export\"}");
  }

  @Test
  void clockPacesTicksAtAFixedRateAfterTheInitialDelay() {
    AtomicLong now = new AtomicLong(10_000);
    ScheduleClock clock = new ScheduleClock(1000, 500, now::get);
    CompletableFuture<Void> first = clock.acquire().toCompletableFuture();
    assertThat(first).isNotDone(); // due at 10_500
    now.set(10_500);
    assertThat(clock.acquire().toCompletableFuture()).isDone(); // the same tick, now due
    assertThat(clock.take()).isEqualTo(10_500);
    now.set(11_700); // late: the next tick (11_500) is due at once, and keeps its time
    assertThat(clock.acquire().toCompletableFuture()).isDone();
    assertThat(clock.take()).isEqualTo(11_500);
    assertThat(clock.acquire().toCompletableFuture()).isNotDone(); // 12_500
    now.set(12_500);
    assertThat(clock.acquire().toCompletableFuture()).isDone();
    assertThat(clock.take()).isEqualTo(12_500);
  }

  @Test
  void badIntervalCountAndFieldsAreReportedAtTheirValues() {
    assertThat(StageProblems.ofTrigger("Schedule", "interval: 0s\ncount: -1\nfields: [1]"))
        .containsExactly(
            "f.yaml:10:17: error: stage \"s\" (Schedule): prop 'interval' must be 1ms or more,"
                + " found 0s",
            "f.yaml:11:14: error: stage \"s\" (Schedule): prop 'count' must be 0 or more, found"
                + " -1",
            "f.yaml:12:15: error: stage \"s\" (Schedule): prop 'fields' must be a mapping, found"
                + " a list");
  }

  @Test
  void boundedOnlyWithACount() {
    ScheduleTriggerFactory f = new ScheduleTriggerFactory();
    assertThat(f.isBounded(TestOptions.of(ScheduleOptions.class, "{interval: 1s}"))).isFalse();
    assertThat(f.isBounded(TestOptions.of(ScheduleOptions.class, "{interval: 1s, count: 2}")))
        .isTrue();
  }
}

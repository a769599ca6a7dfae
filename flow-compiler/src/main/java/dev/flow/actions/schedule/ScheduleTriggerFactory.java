package dev.flow.actions.schedule;

import dev.flow.actions.support.IndexedSource;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The {@code Schedule} trigger: one tick record every interval, each starting a run. A tick is
 * {@code {"tick": 1, "scheduledTime": "2026-01-01T00:00:00Z", ...fields}}; ticks are numbered from
 * 1, the first is due {@code initialDelay} after the job starts and the next ones at a fixed rate.
 * After a restore, numbering continues from the last checkpoint.
 */
public final class ScheduleTriggerFactory implements TriggerFactory<ScheduleOptions> {

  @Override
  public String name() {
    return "Schedule";
  }

  @Override
  public List<String> aliases() {
    return List.of("Interval", "Timer");
  }

  @Override
  public String description() {
    return "Emits one tick record every interval (with its number and scheduled time) to start"
        + " periodic runs; without end, or for a given count.";
  }

  @Override
  public Class<ScheduleOptions> optionsClass() {
    return ScheduleOptions.class;
  }

  @Override
  public Optional<StageState> state(ScheduleOptions o) {
    return Optional.of(StageState.of("the number of ticks emitted so far"));
  }

  @Override
  public boolean isBounded(ScheduleOptions options) {
    return options.count() > 0;
  }

  @Override
  public DataStream<FlowRecord> create(ScheduleOptions options, TriggerContext ctx) {
    long delay = options.initialDelay() == null ? 0 : options.initialDelay().toMillis();
    ScheduleClock clock = new ScheduleClock(options.interval().toMillis(), delay);
    IndexedSource.Builder source =
        IndexedSource.builder(new TickFunction(clock, options.fields()))
            .ordered(true)
            .rateLimiter(clock);
    if (options.count() > 0) {
      source.count(options.count());
    }
    return ctx.fromSource(source.build());
  }
}

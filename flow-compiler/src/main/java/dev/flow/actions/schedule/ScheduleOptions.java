package dev.flow.actions.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.spi.Prop;
import java.time.Duration;

/**
 * Props of the {@code Schedule} trigger.
 *
 * @param interval time between two ticks
 * @param count ticks to emit before ending; 0 for no end
 * @param initialDelay time from the start to the first tick
 * @param fields constant fields added to every tick
 */
public record ScheduleOptions(
    @Prop(description = "Time between two ticks, e.g. 30s, 5m or 1h.", required = true, min = "1ms")
        Duration interval,
    @Prop(
            description = "Ticks to emit before ending; 0 means no end.",
            defaultValue = "0",
            min = "0")
        long count,
    @Prop(description = "Time from the start of the job to the first tick.", defaultValue = "0s")
        Duration initialDelay,
    @Prop(
            description = "Constant fields added to every tick, e.g. {job: nightly-export}.",
            example = "{job: nightly-export}")
        ObjectNode fields) {}

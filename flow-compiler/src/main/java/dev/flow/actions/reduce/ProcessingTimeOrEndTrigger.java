package dev.flow.actions.reduce;

import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Fires a processing-time window when its end passes, or when the input ends (the final watermark
 * fires an event-time timer at the end of time), so bounded flows lose no open window.
 */
final class ProcessingTimeOrEndTrigger extends Trigger<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private static final long END = Long.MAX_VALUE;

  @Override
  public TriggerResult onElement(Object e, long ts, TimeWindow w, TriggerContext ctx) {
    ctx.registerProcessingTimeTimer(w.maxTimestamp());
    ctx.registerEventTimeTimer(END);
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) {
    return time == w.maxTimestamp() ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
    return time == END ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
  }

  @Override
  public void clear(TimeWindow w, TriggerContext ctx) {
    ctx.deleteProcessingTimeTimer(w.maxTimestamp());
    ctx.deleteEventTimeTimer(END);
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(TimeWindow w, OnMergeContext ctx) {
    ctx.registerProcessingTimeTimer(w.maxTimestamp());
    ctx.registerEventTimeTimer(END);
  }
}

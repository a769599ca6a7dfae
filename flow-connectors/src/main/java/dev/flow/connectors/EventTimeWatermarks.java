package dev.flow.connectors;

import dev.flow.record.FlowRecord;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** The watermark strategy of triggers that take event time from a record field. */
public final class EventTimeWatermarks {
  private EventTimeWatermarks() {}

  /**
   * Bounded out-of-orderness over {@link FlowRecord#eventTime()}; a record without an event time
   * keeps the timestamp its source gave it (the Kafka record time, the Kinesis arrival time).
   *
   * @param maxOutOfOrderness how late a record may be behind the latest one
   * @param idleness after how long without records a split stops holding watermarks back, or null
   */
  public static WatermarkStrategy<FlowRecord> boundedOutOfOrderness(
      Duration maxOutOfOrderness, Duration idleness) {
    WatermarkStrategy<FlowRecord> s =
        WatermarkStrategy.<FlowRecord>forBoundedOutOfOrderness(maxOutOfOrderness)
            .withTimestampAssigner(new FieldTime());
    return idleness == null || idleness.isZero() ? s : s.withIdleness(idleness);
  }

  /** Takes the record's event time, or the source's timestamp when it has none. */
  static final class FieldTime implements SerializableTimestampAssigner<FlowRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(FlowRecord r, long sourceTimestamp) {
      return r.eventTime() != FlowRecord.NO_TIME ? r.eventTime() : sourceTimestamp;
    }
  }
}

package dev.flow.spi;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;

/** What a trigger factory gets: a {@link StageContext} plus a way to add a named source. */
public interface TriggerContext extends StageContext {

  /**
   * Adds {@code source} to the job under this stage's name, uid and parallelism. Records without a
   * run id or trigger time get them here.
   */
  DataStream<FlowRecord> fromSource(
      Source<FlowRecord, ?, ?> source, WatermarkStrategy<FlowRecord> watermarks);

  /** Same as {@link #fromSource(Source, WatermarkStrategy)} with no watermarks. */
  default DataStream<FlowRecord> fromSource(Source<FlowRecord, ?, ?> source) {
    return fromSource(source, WatermarkStrategy.noWatermarks());
  }
}

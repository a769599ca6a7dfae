package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageContext;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Sees every stage once it is built: preview taps their inputs and outputs. */
@Internal
@FunctionalInterface
public interface StageListener {

  /** Nothing watches. */
  StageListener NONE = (stage, input, output, ctx) -> {};

  /**
   * Sees the stream a stage reads (null for a trigger), after its expected-input check, and its
   * main output (null for a publisher).
   */
  void onStage(
      ResolvedStage stage,
      DataStream<FlowRecord> input,
      DataStream<FlowRecord> output,
      StageContext ctx);
}

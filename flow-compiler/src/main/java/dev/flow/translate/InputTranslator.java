package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageContext;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Gives a transform or publisher the stream it reads, from the union of the stages before it. The
 * standard one reads that union unchanged; preview adds the sample records given for the stage. The
 * stage's expected-input check, when it has one, comes after.
 */
@Internal
@FunctionalInterface
public interface InputTranslator {

  /** The stream the stage reads. */
  DataStream<FlowRecord> translate(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) throws Exception;
}

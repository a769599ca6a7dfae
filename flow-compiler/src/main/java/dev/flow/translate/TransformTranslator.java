package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.TransformFactory;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Translates a transform stage: takes the stage's input and returns its main output, with the
 * stage's records counted. A one-record-at-a-time transform's operator counts its records in, out
 * and filtered itself; any other transform gets a counter of records in before it and one of
 * records out after it. Error records are counted where the stage adds them (see {@link
 * DefaultStageContext}).
 */
@Internal
public final class TransformTranslator {
  private TransformTranslator() {}

  /**
   * The transform's main output.
   *
   * @param ctx a context made by {@link StageContexts#stage}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static DataStream<FlowRecord> translate(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx, TranslationHooks hooks)
      throws Exception {
    DefaultStageContext c = (DefaultStageContext) ctx;
    TransformFactory factory = (TransformFactory) stage.factory();
    if (factory instanceof RecordTransformFactory) {
      c.processorCountsInAndOut = true;
      try {
        DataStream<FlowRecord> output = hooks.replaceTransform(stage, input, ctx);
        return output != null ? output : factory.apply(input, stage.options(), ctx);
      } finally {
        c.processorCountsInAndOut = false;
      }
    }
    DataStream<FlowRecord> counted = c.countIn(input, input.getParallelism());
    DataStream<FlowRecord> result = hooks.replaceTransform(stage, counted, ctx);
    if (result == null) {
      result = factory.apply(counted, stage.options(), ctx);
    }
    return c.countOut(result, "out");
  }
}

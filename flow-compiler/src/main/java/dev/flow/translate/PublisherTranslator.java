package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Translates a publisher stage: counts the records it takes in, then builds its sink (unless the
 * hooks consume the records). The records it writes are counted as out where it hands them to
 * {@link StageContext#write}, the refused ones as errors where it adds them.
 */
@Internal
public final class PublisherTranslator {
  private PublisherTranslator() {}

  /**
   * Builds the publisher on {@code input}.
   *
   * @param ctx a context made by {@link StageContexts#stage}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void translate(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx, TranslationHooks hooks)
      throws Exception {
    if (hooks.replacePublisher(stage, input, ctx)) {
      return;
    }
    DataStream<FlowRecord> counted = ((DefaultStageContext) ctx).countIn(input, ctx.parallelism());
    ((PublisherFactory) stage.factory()).publish(counted, stage.options(), ctx);
  }
}

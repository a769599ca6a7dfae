package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Translates a trigger stage: builds its source (or the hooks' replacement) and returns the records
 * as every stage after it sees them, with run ids and trigger times given, payloads checked and the
 * stage's records in, out and errors counted.
 */
@Internal
public final class TriggerTranslator {
  private TriggerTranslator() {}

  /**
   * The trigger's output.
   *
   * @param ctx a context made by {@link StageContexts#trigger}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static DataStream<FlowRecord> translate(
      ResolvedStage stage, TriggerContext ctx, TranslationHooks hooks) throws Exception {
    DataStream<FlowRecord> source = hooks.replaceTrigger(stage, ctx);
    if (source == null) {
      source = ((TriggerFactory) stage.factory()).create(stage.options(), ctx);
    }
    return ((DefaultTriggerContext) ctx).checked(source);
  }
}

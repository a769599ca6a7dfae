package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.TriggerContext;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Builds a trigger stage's source. The standard one ({@link Translators#standard}) asks the stage's
 * factory; preview and tests read sample or canned records instead. Whatever builds the source,
 * {@link Translators#translateTrigger} gives its records run ids and trigger times, checks their
 * payloads and counts them.
 */
@Internal
@FunctionalInterface
public interface TriggerTranslator {

  /** The trigger's records, before the framework's check. */
  DataStream<FlowRecord> translate(ResolvedStage stage, TriggerContext ctx) throws Exception;
}

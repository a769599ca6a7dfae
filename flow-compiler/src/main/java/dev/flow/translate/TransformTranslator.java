package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageContext;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Builds a transform stage's operators on its input and returns its main output. The standard one
 * ({@link Translators#standard}) calls the stage's factory; a test or preview answers from a mocked
 * service instead. Whatever builds the stage, {@link Translators#translateTransform} counts its
 * records and routes its error records.
 */
@Internal
@FunctionalInterface
public interface TransformTranslator {

  /** The stage's main output. */
  DataStream<FlowRecord> translate(
      ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx) throws Exception;
}

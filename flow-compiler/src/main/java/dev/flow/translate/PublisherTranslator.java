package dev.flow.translate;

import dev.flow.api.Internal;
import dev.flow.record.FlowRecord;
import dev.flow.spi.StageContext;
import dev.flow.validate.ResolvedStage;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Consumes the records a publisher stage takes in: the flow's publishers, its error stage and its
 * runs stage. The standard one ({@link Translators#standard}) builds the stage's sink; tests
 * capture the records and preview discards them. {@link Translators#translatePublisher} counts a
 * publisher's records in before it.
 */
@Internal
@FunctionalInterface
public interface PublisherTranslator {

  /** Adds the operators that consume {@code input}. */
  void translate(ResolvedStage stage, DataStream<FlowRecord> input, StageContext ctx)
      throws Exception;
}

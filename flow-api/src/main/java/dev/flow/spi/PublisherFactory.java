package dev.flow.spi;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * An action that writes records out of the flow: a Flink sink.
 *
 * <p>Records the publisher gives up on for good must reach the error stage through {@link
 * StageContext#addErrors}; nothing is dropped silently.
 *
 * @param <O> the options record type
 */
public interface PublisherFactory<O extends Record> extends ActionFactory<O> {

  @Override
  default StageKind kind() {
    return StageKind.PUBLISHER;
  }

  /** Adds this stage's sink after {@code input}. */
  void publish(DataStream<FlowRecord> input, O options, StageContext ctx) throws Exception;
}

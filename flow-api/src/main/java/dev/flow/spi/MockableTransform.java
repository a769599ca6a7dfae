package dev.flow.spi;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A transform that calls an outside service (an HTTP API, a database) and can be built with a
 * {@link Responder} answering instead of the service. The factory builds the same operators as
 * {@link TransformFactory#apply}; only the call is replaced, so the answer is merged into the
 * record by the stage's own logic (its target field, its not-found behaviour).
 *
 * <p>{@code flow test} uses it for a test's {@code mocks}; a stage whose factory does not implement
 * it cannot be mocked.
 *
 * @param <O> the options record type
 */
public interface MockableTransform<O extends Record> {

  /** Adds this stage's operators after {@code input}, with {@code responder} as the service. */
  DataStream<FlowRecord> applyWithResponder(
      DataStream<FlowRecord> input, O options, StageContext ctx, Responder responder)
      throws Exception;
}

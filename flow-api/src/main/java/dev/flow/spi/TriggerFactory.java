package dev.flow.spi;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * An action that starts runs: it becomes a Flink source.
 *
 * <p>Right after the source, the framework gives each record without a run id a new one and the
 * current time as its trigger time, and sends a payload that is not a JSON object to the error
 * stage. A trigger sets the run id itself (with {@link RunIds}) only when it must know it, for
 * example to answer a request with it.
 *
 * @param <O> the options record type
 */
public interface TriggerFactory<O extends Record> extends ActionFactory<O> {

  @Override
  default StageKind kind() {
    return StageKind.TRIGGER;
  }

  /** True when the trigger ends by itself with these options (a file, inline records). */
  boolean isBounded(O options);

  /** Builds the source. Use {@link TriggerContext#uid} and name operators after the stage. */
  DataStream<FlowRecord> create(O options, TriggerContext ctx) throws Exception;
}

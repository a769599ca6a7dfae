package dev.flow.spi;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * An action that starts runs: it becomes a Flink source.
 *
 * <p>The stream it returns must carry records with a run id and a trigger time; use {@link
 * Runs#start} or let {@link TriggerContext#fromSource} do it.
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

package dev.flow.spi;

import dev.flow.record.FlowRecord;
import java.io.Serializable;
import org.apache.flink.util.Collector;

/**
 * Processes one record at a time: emits zero records (filtered), one, or many (fan-out). Throwing
 * sends the input record to the error stage with the exception's message.
 *
 * <p>A processor is serialized into the job and opened once per parallel instance. Compile what you
 * can in the factory; keep non-serializable helpers in {@code transient} fields set in {@link
 * #open}.
 */
public interface RecordProcessor extends Serializable {

  /** Called once per parallel instance before the first record. */
  default void open(ProcessorContext ctx) throws Exception {}

  /**
   * Processes {@code record}, which the processor owns and may change and emit. Emitting nothing
   * counts the record as filtered.
   */
  void process(FlowRecord record, Collector<FlowRecord> out) throws Exception;

  /**
   * Whether {@link #process} may change the record it is given. Before each try that may be
   * followed by another (the stage's {@code retry}), the framework keeps the record as it came in,
   * so that a retry starts from it; a processor that only reads its record returns false and is
   * tried again with the same record, at no cost. The default, true, is always safe.
   */
  default boolean changesRecord() {
    return true;
  }

  /**
   * Whether a try of {@link #process} can fail in a way worth another try: through I/O, a timeout,
   * or a {@link TransientStageException}. A processor that only computes on the record in memory
   * returns false, and the framework runs it without the stage's {@code retry}, which could never
   * apply. The default, true, is always safe.
   */
  default boolean mayFailTransiently() {
    return true;
  }

  /** Called once when the instance closes. */
  default void close() throws Exception {}
}

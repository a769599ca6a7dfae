package dev.flow.spi;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A transform that works one record at a time. Subclasses return a {@link RecordProcessor}; the
 * framework wraps it in one chained operator that counts records in, out, filtered and errors, and
 * sends failed records to the error stage.
 *
 * @param <O> the options record type
 */
public abstract class RecordTransformFactory<O extends Record> implements TransformFactory<O> {

  /** The processor for these options. Compile expressions here, not per record. */
  public abstract RecordProcessor createProcessor(O options, StageContext ctx) throws Exception;

  @Override
  public DataStream<FlowRecord> apply(DataStream<FlowRecord> input, O options, StageContext ctx)
      throws Exception {
    return ctx.process(input, createProcessor(options, ctx));
  }
}

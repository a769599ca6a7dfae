package dev.flow.spi;

import dev.flow.record.FlowRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * An action that changes, filters, enriches or combines records between a trigger and a publisher.
 *
 * <p>Most transforms work one record at a time: extend {@link RecordTransformFactory} and return a
 * {@link RecordProcessor}, and the framework does the metrics and error routing. Stateful or
 * asynchronous transforms implement {@link #apply} themselves.
 *
 * @param <O> the options record type
 */
public interface TransformFactory<O extends Record> extends ActionFactory<O> {

  @Override
  default StageKind kind() {
    return StageKind.TRANSFORM;
  }

  /**
   * Adds this stage's operators after {@code input} and returns its output. Records that fail go to
   * {@link StageContext#errorTag()} or {@link StageContext#addErrors}.
   */
  DataStream<FlowRecord> apply(DataStream<FlowRecord> input, O options, StageContext ctx)
      throws Exception;
}

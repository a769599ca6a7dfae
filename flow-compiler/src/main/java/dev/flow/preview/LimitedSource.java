package dev.flow.preview;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A trigger's real source that ends after a number of records per reader, so a preview of a flow
 * that never ends still ends, and its windows and batches flush as at the end of any bounded input.
 */
final class LimitedSource<S extends SourceSplit, E> implements Source<FlowRecord, S, E> {
  private static final long serialVersionUID = 1L;

  private final Source<FlowRecord, S, E> source;
  private final long limit;

  LimitedSource(Source<FlowRecord, S, E> source, long limit) {
    this.source = source;
    this.limit = limit;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<FlowRecord, S> createReader(SourceReaderContext ctx) throws Exception {
    return new LimitedReader<>(source.createReader(ctx), limit);
  }

  @Override
  public SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> ctx) throws Exception {
    return source.createEnumerator(ctx);
  }

  @Override
  public SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> ctx, E checkpoint)
      throws Exception {
    return source.restoreEnumerator(ctx, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<S> getSplitSerializer() {
    return source.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<E> getEnumeratorCheckpointSerializer() {
    return source.getEnumeratorCheckpointSerializer();
  }
}

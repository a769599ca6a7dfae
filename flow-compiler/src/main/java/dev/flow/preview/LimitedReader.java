package dev.flow.preview;

import dev.flow.record.FlowRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads through another reader and reports the end of input once it has emitted {@code limit}
 * records; records past the limit that the reader emits in the same call are dropped.
 */
final class LimitedReader<S extends SourceSplit> implements SourceReader<FlowRecord, S> {
  private final SourceReader<FlowRecord, S> reader;
  private final long limit;
  private long emitted;
  private Counting counting;

  LimitedReader(SourceReader<FlowRecord, S> reader, long limit) {
    this.reader = reader;
    this.limit = limit;
  }

  private boolean done() {
    return emitted >= limit;
  }

  @Override
  public void start() {
    reader.start();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<FlowRecord> output) throws Exception {
    if (done()) {
      return InputStatus.END_OF_INPUT;
    }
    if (counting == null || counting.out != output) {
      counting = new Counting(output);
    }
    InputStatus status = reader.pollNext(counting);
    return done() ? InputStatus.END_OF_INPUT : status;
  }

  @Override
  public List<S> snapshotState(long checkpointId) {
    return reader.snapshotState(checkpointId);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return done() ? CompletableFuture.completedFuture(null) : reader.isAvailable();
  }

  @Override
  public void addSplits(List<S> splits) {
    reader.addSplits(splits);
  }

  @Override
  public void notifyNoMoreSplits() {
    reader.notifyNoMoreSplits();
  }

  @Override
  public void handleSourceEvents(org.apache.flink.api.connector.source.SourceEvent event) {
    reader.handleSourceEvents(event);
  }

  @Override
  public void pauseOrResumeSplits(
      java.util.Collection<String> toPause, java.util.Collection<String> toResume) {
    reader.pauseOrResumeSplits(toPause, toResume);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    reader.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void close() throws Exception {
    reader.close();
  }

  /** Passes records on while under the limit. */
  private class CountingSourceOutput implements SourceOutput<FlowRecord> {
    private final SourceOutput<FlowRecord> out;

    CountingSourceOutput(SourceOutput<FlowRecord> out) {
      this.out = out;
    }

    @Override
    public void collect(FlowRecord record) {
      if (!done()) {
        emitted++;
        out.collect(record);
      }
    }

    @Override
    public void collect(FlowRecord record, long timestamp) {
      if (!done()) {
        emitted++;
        out.collect(record, timestamp);
      }
    }

    @Override
    public void emitWatermark(Watermark watermark) {
      out.emitWatermark(watermark);
    }

    @Override
    public void markIdle() {
      out.markIdle();
    }

    @Override
    public void markActive() {
      out.markActive();
    }
  }

  /** The reader's main output, whose per-split outputs count against the same limit. */
  private final class Counting extends CountingSourceOutput implements ReaderOutput<FlowRecord> {
    private final ReaderOutput<FlowRecord> out;
    private final Map<String, SourceOutput<FlowRecord>> splits = new java.util.HashMap<>();

    Counting(ReaderOutput<FlowRecord> out) {
      super(out);
      this.out = out;
    }

    @Override
    public SourceOutput<FlowRecord> createOutputForSplit(String splitId) {
      return splits.computeIfAbsent(
          splitId, id -> new CountingSourceOutput(out.createOutputForSplit(id)));
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
      splits.remove(splitId);
      out.releaseOutputForSplit(splitId);
    }
  }
}

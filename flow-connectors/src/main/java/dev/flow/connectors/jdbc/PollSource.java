package dev.flow.connectors.jdbc;

import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorRecordFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The {@code Database Poll} trigger as a FLIP-27 source with a single split, whose state is the
 * position of the last row read. The enumerator hands the split to one reader and keeps it while no
 * reader holds it; the reader checkpoints it as it advances.
 */
public final class PollSource implements Source<FlowRecord, PollSplit, List<PollSplit>> {
  private static final long serialVersionUID = 1L;

  private final DatabasePollOptions options;
  private final String stage;
  private final ErrorRecordFactory errors;

  PollSource(DatabasePollOptions options, String stage, ErrorRecordFactory errors) {
    this.options = options;
    this.stage = stage;
    this.errors = errors;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<FlowRecord, PollSplit> createReader(SourceReaderContext ctx) {
    return new PollReader(options, stage, errors);
  }

  @Override
  public SplitEnumerator<PollSplit, List<PollSplit>> createEnumerator(
      SplitEnumeratorContext<PollSplit> ctx) {
    return new Enumerator(ctx, List.of(PollSplit.initial(options.initialPosition())));
  }

  @Override
  public SplitEnumerator<PollSplit, List<PollSplit>> restoreEnumerator(
      SplitEnumeratorContext<PollSplit> ctx, List<PollSplit> pending) {
    return new Enumerator(ctx, pending);
  }

  @Override
  public SimpleVersionedSerializer<PollSplit> getSplitSerializer() {
    return new PollSplit.Serializer();
  }

  @Override
  public SimpleVersionedSerializer<List<PollSplit>> getEnumeratorCheckpointSerializer() {
    return new PollSplit.PendingSerializer();
  }

  /** Gives the one split to the first reader there is; takes it back when that reader fails. */
  private static final class Enumerator implements SplitEnumerator<PollSplit, List<PollSplit>> {
    private final SplitEnumeratorContext<PollSplit> ctx;
    private final List<PollSplit> pending;

    Enumerator(SplitEnumeratorContext<PollSplit> ctx, List<PollSplit> pending) {
      this.ctx = ctx;
      this.pending = new ArrayList<>(pending);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<PollSplit> splits, int subtaskId) {
      pending.addAll(splits);
      ctx.registeredReaders().keySet().stream().findFirst().ifPresent(this::assignTo);
    }

    @Override
    public void addReader(int subtaskId) {
      assignTo(subtaskId);
    }

    private void assignTo(int subtaskId) {
      if (!pending.isEmpty()) {
        for (PollSplit s : pending) {
          ctx.assignSplit(s, subtaskId);
        }
        pending.clear();
      }
    }

    @Override
    public List<PollSplit> snapshotState(long checkpointId) {
      return List.copyOf(pending);
    }

    @Override
    public void close() {}
  }
}

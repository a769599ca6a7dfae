package dev.flow.connectors.http;

import dev.flow.record.FlowRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The webhook as a FLIP-27 source: each reader runs its own HTTP server, on {@code port +
 * subtaskIndex}. There is nothing to split or to assign, so the enumerator is idle and the state
 * holds no splits; what the webhook promises across failures is set by its {@code ack} option.
 */
public final class WebhookSource implements Source<FlowRecord, WebhookSource.NoSplit, Integer> {
  private static final long serialVersionUID = 1L;

  private final WebhookOptions options;
  private final String stageName;

  public WebhookSource(WebhookOptions options, String stageName) {
    this.options = options;
    this.stageName = stageName;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<FlowRecord, NoSplit> createReader(SourceReaderContext ctx) {
    return new WebhookReader(options, stageName, ctx);
  }

  @Override
  public SplitEnumerator<NoSplit, Integer> createEnumerator(SplitEnumeratorContext<NoSplit> ctx) {
    return new IdleEnumerator();
  }

  @Override
  public SplitEnumerator<NoSplit, Integer> restoreEnumerator(
      SplitEnumeratorContext<NoSplit> ctx, Integer checkpoint) {
    return new IdleEnumerator();
  }

  @Override
  public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
    return new NoSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Integer> getEnumeratorCheckpointSerializer() {
    return new IntSerializer();
  }

  /** A split that is never created: the webhook has none. */
  public static final class NoSplit implements SourceSplit {
    @Override
    public String splitId() {
      return "webhook";
    }
  }

  /** Assigns nothing; every reader serves requests on its own. */
  private static final class IdleEnumerator implements SplitEnumerator<NoSplit, Integer> {
    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<NoSplit> splits, int subtaskId) {}

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Integer snapshotState(long checkpointId) {
      return 0;
    }

    @Override
    public void close() {}
  }

  private static final class NoSplitSerializer implements SimpleVersionedSerializer<NoSplit> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(NoSplit split) {
      return "webhook".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public NoSplit deserialize(int version, byte[] serialized) {
      return new NoSplit();
    }
  }

  private static final class IntSerializer implements SimpleVersionedSerializer<Integer> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Integer value) {
      return new byte[] {
        (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) (int) value
      };
    }

    @Override
    public Integer deserialize(int version, byte[] b) throws IOException {
      if (b.length != 4) {
        throw new IOException("bad webhook enumerator state");
      }
      return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }
  }
}

package dev.flow.connectors.http;

import dev.flow.record.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Runs the webhook's server and hands what it admits to Flink. With {@code ack: received} the
 * server answers 202 on admission and the reader frees room as it emits. With {@code ack:
 * checkpoint} the reader files each request under the checkpoint taken after its records were
 * emitted, answers 202 when that checkpoint completes, and answers 503 to every unanswered request
 * when it closes, so that no client holds a 202 for a record a restart lost.
 */
final class WebhookReader implements SourceReader<FlowRecord, WebhookSource.NoSplit> {
  private static final int DRAIN = 512;

  private final WebhookOptions options;
  private final String stageName;
  private final SourceReaderContext context;
  private final boolean ackOnCheckpoint;
  private final Inbox inbox;
  private final TreeMap<Long, List<Inbox.Accepted>> awaiting = new TreeMap<>();
  private List<Inbox.Accepted> sinceLastCheckpoint = new ArrayList<>();
  private WebhookServer server;

  WebhookReader(WebhookOptions options, String stageName, SourceReaderContext context) {
    this.options = options;
    this.stageName = stageName;
    this.context = context;
    this.ackOnCheckpoint = options.ack() == WebhookOptions.Ack.CHECKPOINT;
    this.inbox = new Inbox(Math.max(1, options.queueCapacity()));
  }

  @Override
  public void start() {
    List<RequestMethod> methods =
        options.methods() == null ? List.of(RequestMethod.POST) : options.methods();
    WebhookMetrics metrics = new WebhookMetrics(context.metricGroup(), stageName, inbox);
    server =
        new WebhookServer(
            new WebhookServer.Config(
                options,
                stageName,
                methods.stream().map(RequestMethod::name).collect(Collectors.toUnmodifiableSet()),
                inbox,
                metrics,
                new AuthThrottle(
                    options.authFailures(),
                    options.authLockout() == null ? 60_000 : options.authLockout().toMillis(),
                    System::currentTimeMillis)));
    server.start(options.port() == 0 ? 0 : options.port() + context.getIndexOfSubtask());
  }

  @Override
  public InputStatus pollNext(ReaderOutput<FlowRecord> output) {
    List<Inbox.Accepted> batch = inbox.drain(DRAIN);
    int released = 0;
    for (Inbox.Accepted a : batch) {
      for (FlowRecord r : a.records()) {
        output.collect(r, r.triggerTime());
      }
      if (ackOnCheckpoint) {
        sinceLastCheckpoint.add(a);
      } else {
        released += a.records().size();
      }
    }
    if (released > 0) {
      inbox.release(released);
    }
    return inbox.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return inbox.available();
  }

  @Override
  public List<WebhookSource.NoSplit> snapshotState(long checkpointId) {
    if (ackOnCheckpoint && !sinceLastCheckpoint.isEmpty()) {
      awaiting.put(checkpointId, sinceLastCheckpoint);
      sinceLastCheckpoint = new ArrayList<>();
    }
    return List.of();
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    var done = awaiting.headMap(checkpointId, true);
    int released = 0;
    for (List<Inbox.Accepted> list : done.values()) {
      for (Inbox.Accepted a : list) {
        a.responder().stored();
        released += a.records().size();
      }
    }
    done.clear();
    if (released > 0) {
      inbox.release(released);
    }
  }

  @Override
  public void addSplits(List<WebhookSource.NoSplit> splits) {}

  @Override
  public void notifyNoMoreSplits() {}

  @Override
  public void close() {
    List<Inbox.Accepted> unanswered = new ArrayList<>(inbox.close());
    if (ackOnCheckpoint) {
      for (Map.Entry<Long, List<Inbox.Accepted>> e : awaiting.entrySet()) {
        unanswered.addAll(e.getValue());
      }
      unanswered.addAll(sinceLastCheckpoint);
    }
    for (Inbox.Accepted a : unanswered) {
      a.responder().lost("the flow stopped before the records were stored; send them again");
    }
    if (server != null) {
      server.close();
    }
  }
}

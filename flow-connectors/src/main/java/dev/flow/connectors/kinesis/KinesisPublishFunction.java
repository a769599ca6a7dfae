package dev.flow.connectors.kinesis;

import dev.flow.connectors.Backoff;
import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorMarks;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.TransientStageException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.kinesis.shaded.org.apache.flink.connector.aws.util.AWSGeneralUtil;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.SdkBytes;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.retry.RetryPolicy;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.regions.Region;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The {@code Kinesis} publisher's async function: gathers records into PutRecords requests and
 * completes a record's future only once Kinesis accepted it (passing it on) or refused it for good
 * (with a marked error record). An entry refused for a passing reason, or whose request failed, is
 * sent again after a backoff, up to {@code retries} times. Every record not yet confirmed is in the
 * async operator's checkpointed state and is sent again after a restore: at least once.
 */
final class KinesisPublishFunction extends RichAsyncFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  /** The most bytes (data and partition keys) this function puts in one request. */
  static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;

  private final String stream;
  private final Properties clientProperties;
  private final KinesisPartitionKey keys;
  private final int batchSize;
  private final long lingerMillis;
  private final Duration timeout;
  private final int retries;
  private final long backoffMillis;
  private final long maxBackoffMillis;
  private final String stageName;
  private final ErrorRecordFactory errorRecords;

  private transient KinesisAsyncClient client;
  private transient ScheduledExecutorService timer;
  private transient Counter requests;
  private transient Counter retried;
  private transient Batch open;

  /** One record on its way: its entry, its future and the attempts made so far. */
  private static final class Pending {
    final FlowRecord record;
    final ResultFuture<FlowRecord> result;
    final PutRecordsRequestEntry entry;
    final long bytes;
    int attempts;

    Pending(FlowRecord record, ResultFuture<FlowRecord> result, PutRecordsRequestEntry entry) {
      this.record = record;
      this.result = result;
      this.entry = entry;
      this.bytes =
          entry.data().asByteArrayUnsafe().length
              + (long) entry.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    }
  }

  /** Records waiting to be sent together. */
  private static final class Batch {
    final List<Pending> entries = new ArrayList<>();
    long bytes;
    ScheduledFuture<?> linger;
  }

  /**
   * @param stream the stream's ARN, or its name when Kinesis was not asked for the ARN
   * @param clientProperties the connector's client properties: region, endpoint, credentials
   */
  KinesisPublishFunction(
      String stream,
      Properties clientProperties,
      KinesisPartitionKey keys,
      KinesisPublisherOptions o,
      String stageName,
      ErrorRecordFactory errorRecords) {
    this.stream = stream;
    this.clientProperties = clientProperties;
    this.keys = keys;
    this.batchSize = o.batchSize();
    this.lingerMillis = o.linger().toMillis();
    this.timeout = o.timeout();
    this.retries = o.retries();
    this.backoffMillis = o.backoff().toMillis();
    this.maxBackoffMillis = o.maxBackoff().toMillis();
    this.stageName = stageName;
    this.errorRecords = errorRecords;
  }

  @Override
  public void open(OpenContext openContext) {
    var group = getRuntimeContext().getMetricGroup().addGroup("stage", stageName);
    requests = group.counter("requests", new ThreadSafeSimpleCounter());
    retried = group.counter("retries", new ThreadSafeSimpleCounter());
    KinesisAsyncClientBuilder b =
        KinesisAsyncClient.builder()
            .httpClient(AWSGeneralUtil.createAsyncHttpClient(clientProperties))
            .credentialsProvider(AWSGeneralUtil.getCredentialsProvider(clientProperties))
            .region(Region.of(clientProperties.getProperty("aws.region")))
            // This function retries entries itself, so that it can count and bound the attempts.
            .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()).apiCallTimeout(timeout));
    String endpoint = clientProperties.getProperty("aws.endpoint");
    if (endpoint != null) {
      b.endpointOverride(URI.create(endpoint));
    }
    client = b.build();
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = new Thread(r, "kinesis-publish-" + stageName);
              th.setDaemon(true);
              return th;
            });
    t.setRemoveOnCancelPolicy(true);
    timer = t;
  }

  @Override
  public void asyncInvoke(FlowRecord record, ResultFuture<FlowRecord> result) {
    Pending p;
    try {
      p =
          new Pending(
              record,
              result,
              PutRecordsRequestEntry.builder()
                  .data(SdkBytes.fromByteArrayUnsafe(record.toJsonBytes()))
                  .partitionKey(keys.apply(record))
                  .build());
    } catch (RuntimeException e) {
      fail(record, result, "cannot build the entry: " + ErrorRecordFactory.describe(e));
      return;
    }
    List<Batch> ready = new ArrayList<>(2);
    synchronized (this) {
      if (open != null && open.bytes + p.bytes > MAX_REQUEST_BYTES) {
        ready.add(take());
      }
      if (open == null) {
        Batch b = new Batch();
        b.linger = timer.schedule(() -> flush(b), lingerMillis, TimeUnit.MILLISECONDS);
        open = b;
      }
      open.entries.add(p);
      open.bytes += p.bytes;
      if (open.entries.size() >= batchSize) {
        ready.add(take());
      }
    }
    for (Batch b : ready) {
      send(b.entries);
    }
  }

  /** The open batch, taken for sending. Call while holding the lock. */
  private Batch take() {
    Batch b = open;
    open = null;
    b.linger.cancel(false);
    return b;
  }

  private void flush(Batch b) {
    synchronized (this) {
      if (open != b) {
        return;
      }
      open = null;
    }
    send(b.entries);
  }

  private void send(List<Pending> entries) {
    requests.inc();
    PutRecordsRequest.Builder req =
        PutRecordsRequest.builder().records(entries.stream().map(p -> p.entry).toList());
    if (stream.startsWith("arn:")) {
      req.streamARN(stream);
    } else {
      req.streamName(stream);
    }
    try {
      client
          .putRecords(req.build())
          .whenComplete((response, error) -> answered(entries, response, error));
    } catch (RuntimeException e) {
      answered(entries, null, e);
    }
  }

  /** Completes the accepted and the finally refused entries, and sends the others again later. */
  private void answered(List<Pending> entries, PutRecordsResponse response, Throwable error) {
    List<Pending> again = new ArrayList<>();
    if (error != null) {
      if (entries.size() > 1 && KinesisFailures.refusesContent(error)) {
        // One entry spoiled the request: send each on its own, so only that one fails.
        entries.forEach(p -> send(List.of(p)));
        return;
      }
      boolean retryable = KinesisFailures.retryable(error);
      String why = KinesisFailures.describe(error);
      for (Pending p : entries) {
        p.attempts++;
        if (retryable && p.attempts <= retries) {
          again.add(p);
        } else {
          fail(p, "cannot write the record to Kinesis stream " + stream + ": " + why);
        }
      }
    } else {
      List<PutRecordsResultEntry> results = response.records();
      for (int i = 0; i < entries.size(); i++) {
        Pending p = entries.get(i);
        p.attempts++;
        PutRecordsResultEntry r = i < results.size() ? results.get(i) : null;
        if (r != null && r.errorCode() == null) {
          // Passed on to the stage's writer, where the framework counts it as written.
          p.result.complete(List.of(p.record));
        } else if (r == null) {
          fail(p, "Kinesis stream " + stream + " gave no result for the record");
        } else if (KinesisFailures.retryable(r.errorCode()) && p.attempts <= retries) {
          again.add(p);
        } else {
          fail(
              p,
              "Kinesis stream "
                  + stream
                  + " refused the record: "
                  + KinesisFailures.entry(r.errorCode(), r.errorMessage()));
        }
      }
    }
    if (!again.isEmpty()) {
      retried.inc(again.size());
      int attempts = again.stream().mapToInt(p -> p.attempts).max().orElse(1);
      long wait = Backoff.jitteredMillis(attempts, backoffMillis, maxBackoffMillis);
      timer.schedule(() -> send(again), wait, TimeUnit.MILLISECONDS);
    }
  }

  /** Fails an entry for good; the message says how many attempts were made, when more than one. */
  private void fail(Pending p, String why) {
    fail(p.record, p.result, TransientStageException.afterAttempts(why, p.attempts));
  }

  private void fail(FlowRecord record, ResultFuture<FlowRecord> result, String message) {
    ErrorMarks.completeWithError(result, errorRecords.create(record, message));
  }

  @Override
  public void timeout(FlowRecord record, ResultFuture<FlowRecord> result) {
    fail(record, result, "not confirmed by Kinesis within the stage's overall time limit");
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (client != null) {
      client.close();
    }
  }
}

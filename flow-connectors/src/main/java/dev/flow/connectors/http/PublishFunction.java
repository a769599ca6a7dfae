package dev.flow.connectors.http;

import dev.flow.expr.Template;
import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorMarks;
import dev.flow.spi.ErrorRecordFactory;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The {@code HTTP} publisher's async function. A record's future completes only once the service
 * confirmed it (with nothing to emit) or it failed for good (with a marked error record), so every
 * unconfirmed record is in the async operator's checkpointed state and is sent again after a
 * restore: at least once. In array mode records wait in a batch that is sent when full by count or
 * bytes, or when its first record has waited {@code linger}.
 */
final class PublishFunction extends RichAsyncFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final HttpPublishOptions options;
  private final String stageName;
  private final ErrorRecordFactory errorRecords;

  private transient HttpCaller caller;
  private transient RateLimiter rate;
  private transient ScheduledExecutorService timer;
  private transient Counter requests;
  private transient Counter retries;
  private transient Batch open;

  /** Records waiting to be sent together. */
  private static final class Batch {
    final List<FlowRecord> records = new ArrayList<>();
    final List<ResultFuture<FlowRecord>> futures = new ArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    ScheduledFuture<?> linger;
  }

  PublishFunction(HttpPublishOptions options, String stageName, ErrorRecordFactory errorRecords) {
    this.options = options;
    this.stageName = stageName;
    this.errorRecords = errorRecords;
  }

  @Override
  public void open(OpenContext openContext) {
    var group = getRuntimeContext().getMetricGroup().addGroup("stage", stageName);
    requests = group.counter("requests", new ThreadSafeSimpleCounter());
    retries = group.counter("retries", new ThreadSafeSimpleCounter());
    caller =
        new HttpCaller(
            HttpCaller.newClient(options.timeout()),
            new RetryPolicy(options.retries(), options.backoff(), options.maxBackoff()),
            status -> retries.inc());
    rate = new RateLimiter(options.rateLimit());
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> daemon(r));
    t.setRemoveOnCancelPolicy(true);
    timer = t;
  }

  private Thread daemon(Runnable r) {
    Thread th = new Thread(r, "http-publish-" + stageName);
    th.setDaemon(true);
    return th;
  }

  @Override
  public void asyncInvoke(FlowRecord record, ResultFuture<FlowRecord> result) {
    if (options.batch() != HttpPublishOptions.Batch.ARRAY) {
      sendOne(record, result);
      return;
    }
    Batch full = null;
    synchronized (this) {
      if (open == null) {
        Batch b = new Batch();
        b.body.write('[');
        b.linger =
            timer.schedule(() -> flush(b), options.linger().toMillis(), TimeUnit.MILLISECONDS);
        open = b;
      }
      byte[] json = record.toJsonBytes();
      if (!open.records.isEmpty()) {
        open.body.write(',');
      }
      open.body.write(json, 0, json.length);
      open.records.add(record);
      open.futures.add(result);
      if (open.records.size() >= options.batchSize() || open.body.size() >= options.batchBytes()) {
        full = open;
        open = null;
        full.linger.cancel(false);
      }
    }
    if (full != null) {
      send(full);
    }
  }

  private void flush(Batch b) {
    synchronized (this) {
      if (open != b) {
        return;
      }
      open = null;
    }
    send(b);
  }

  private void send(Batch b) {
    b.body.write(']');
    byte[] body = b.body.toByteArray();
    HttpRequest.Builder req = request(options.url().render(b.records.get(0)));
    req.header("Content-Type", "application/json");
    HttpRequest request =
        req.method(options.method().name(), HttpRequest.BodyPublishers.ofByteArray(body)).build();
    later(request)
        .whenComplete(
            (response, error) -> {
              String failure = failure(request, response, error);
              for (int i = 0; i < b.records.size(); i++) {
                complete(b.records.get(i), b.futures.get(i), failure);
              }
            });
  }

  private void sendOne(FlowRecord record, ResultFuture<FlowRecord> result) {
    HttpRequest request;
    try {
      HttpRequest.Builder b = request(options.url().render(record));
      if (options.headers() != null) {
        for (Map.Entry<String, Template> h : options.headers().entrySet()) {
          b.header(h.getKey(), h.getValue().render(record));
        }
      }
      byte[] body =
          options.body() == null
              ? record.toJsonBytes()
              : options.body().render(record).getBytes(StandardCharsets.UTF_8);
      if (options.body() == null) {
        b.header("Content-Type", "application/json");
      }
      request =
          b.method(options.method().name(), HttpRequest.BodyPublishers.ofByteArray(body)).build();
    } catch (RuntimeException e) {
      complete(record, result, "cannot build the request: " + ErrorRecordFactory.describe(e));
      return;
    }
    later(request)
        .whenComplete(
            (response, error) -> complete(record, result, failure(request, response, error)));
  }

  /** A request builder with the URL, the timeout and the constant and secret headers. */
  private HttpRequest.Builder request(String url) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(options.timeout());
    if (options.batch() == HttpPublishOptions.Batch.ARRAY && options.headers() != null) {
      for (Map.Entry<String, Template> h : options.headers().entrySet()) {
        b.header(h.getKey(), h.getValue().source());
      }
    }
    if (options.secretHeaders() != null) {
      options.secretHeaders().forEach(b::header);
    }
    if (options.bearerToken() != null && !options.bearerToken().isEmpty()) {
      b.header("Authorization", "Bearer " + options.bearerToken());
    }
    return b;
  }

  /** Sends once the rate limit allows. */
  private CompletableFuture<java.net.http.HttpResponse<byte[]>> later(HttpRequest request) {
    requests.inc();
    long wait = rate.reserveMillis();
    if (wait == 0) {
      return caller.call(request);
    }
    return CompletableFuture.supplyAsync(
            () -> request, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
        .thenCompose(caller::call);
  }

  private static String failure(
      HttpRequest request, java.net.http.HttpResponse<byte[]> response, Throwable error) {
    if (error != null) {
      return ErrorRecordFactory.describe(error);
    }
    int status = response.statusCode();
    if (status >= 200 && status <= 299) {
      return null;
    }
    return HttpCaller.describe(request) + "HTTP " + status + HttpCaller.snippet(response.body());
  }

  private void complete(FlowRecord record, ResultFuture<FlowRecord> result, String failure) {
    if (failure == null) {
      // Passed on to the stage's writer, where the framework counts it as written.
      result.complete(List.of(record));
    } else {
      ErrorMarks.completeWithError(result, errorRecords.create(record, failure));
    }
  }

  @Override
  public void timeout(FlowRecord record, ResultFuture<FlowRecord> result) {
    complete(record, result, "not confirmed within the stage's overall time limit");
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}

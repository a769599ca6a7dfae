package dev.flow.connectors.http;

import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.IoContext;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.Resource;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * {@code HTTP}: publishes records to an HTTP API, one request per record or a JSON array per batch,
 * with retries, a rate limit and at-least-once delivery through checkpoints.
 *
 * <p>The sending happens in an async I/O operator rather than a Flink sink, because a sink cannot
 * hand what fails for good to the error stage. The operator checkpoints every record not yet
 * confirmed by the service and sends it again after a restore; a discarding sink ends the branch.
 */
public final class HttpPublisherFactory implements PublisherFactory<HttpPublishOptions> {

  @Override
  public String name() {
    return "HTTP";
  }

  @Override
  public List<String> aliases() {
    return List.of("Publish to API", "HTTP API", "Webhook Out");
  }

  @Override
  public List<String> retryProps() {
    return List.of("retries", "backoff", "maxBackoff");
  }

  @Override
  public String description() {
    return "Sends records to an HTTP API, one request per record or a JSON array per batch, with"
        + " retries, a rate limit and at-least-once delivery; what fails for good goes to the"
        + " error stage.";
  }

  @Override
  public Class<HttpPublishOptions> optionsClass() {
    return HttpPublishOptions.class;
  }

  @Override
  public Optional<StageState> state(HttpPublishOptions o) {
    return Optional.of(StageState.of("the records waiting for their responses"));
  }

  @Override
  public void validate(HttpPublishOptions o, ValidationContext ctx) {
    boolean array = o.batch() == HttpPublishOptions.Batch.ARRAY;
    if (array && o.url() != null && !o.url().isConstant()) {
      ctx.error(
          "url",
          "with batch: array the URL must be constant, since one request carries many records");
    }
    if (array && o.body() != null) {
      ctx.error("body", "with batch: array the body is the array of records; remove body");
    }
    if (array
        && o.headers() != null
        && o.headers().values().stream().anyMatch(t -> !t.isConstant())) {
      ctx.error("headers", "with batch: array header values must be constant");
    }
    if (o.method() == RequestMethod.GET) {
      ctx.error("method", "GET cannot carry records; use POST, PUT or PATCH");
    }
  }

  @Override
  public void publish(DataStream<FlowRecord> input, HttpPublishOptions o, StageContext ctx) {
    PublishFunction fn = new PublishFunction(o, ctx.stageName(), ctx.errorRecords());
    int capacity =
        o.batch() == HttpPublishOptions.Batch.ARRAY
            ? Math.max(o.maxInFlight(), 2 * o.batchSize())
            : o.maxInFlight();
    DataStream<FlowRecord> sent = ctx.processAsync(input, fn, false, overallLimit(o), capacity);
    ctx.write(sent, new DiscardingSink<>())
        .uid(ctx.uid("end"))
        .name(ctx.stageName() + " (end)")
        .setParallelism(ctx.parallelism());
  }

  /** The async operator's safety-net time limit: linger, rate wait, every attempt and wait. */
  static Duration overallLimit(HttpPublishOptions o) {
    Duration attempt = o.timeout() == null ? Duration.ofSeconds(10) : o.timeout();
    Duration backoff = o.maxBackoff() == null ? Duration.ofSeconds(30) : o.maxBackoff();
    Duration retryAfter = Duration.ofMillis(RetryPolicy.MAX_RETRY_AFTER_MILLIS);
    Duration wait = backoff.compareTo(retryAfter) > 0 ? backoff : retryAfter;
    int attempts = Math.max(0, o.retries()) + 1;
    Duration linger = o.linger() == null ? Duration.ZERO : o.linger();
    return attempt.plus(wait).multipliedBy(attempts).plus(linger).plusMinutes(10);
  }

  /** Writes the endpoint of a fixed URL (a URL with placeholders names no resource). */
  @Override
  public List<Resource> io(HttpPublishOptions o, IoContext ctx) {
    if (o.url() == null || o.url().source().contains("{")) {
      return List.of();
    }
    try {
      java.net.URI u = java.net.URI.create(o.url().source());
      if (u.getHost() == null) {
        return List.of();
      }
      String host = u.getHost().toLowerCase(java.util.Locale.ROOT);
      if (host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("[::1]")) {
        host = "localhost";
      }
      int port = u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return List.of(Resource.writes("http-endpoint", "", host + ":" + port + path));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /** Sends each record's payload as it is, unless a body template says otherwise. */
  @Override
  public FieldEffects fields(HttpPublishOptions o) {
    return o.body() == null ? FieldEffects.UNCHANGED : FieldEffects.UNKNOWN;
  }
}

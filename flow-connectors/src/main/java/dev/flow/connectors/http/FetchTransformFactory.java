package dev.flow.connectors.http;

import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.MockableTransform;
import dev.flow.spi.Responder;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.TransformFactory;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/** {@code Fetch}: enriches each record with the answer of an HTTP service, through async I/O. */
public final class FetchTransformFactory
    implements TransformFactory<FetchOptions>, MockableTransform<FetchOptions> {

  @Override
  public String name() {
    return "Fetch";
  }

  @Override
  public List<String> aliases() {
    return List.of("HTTP Request", "Enrich");
  }

  @Override
  public List<String> retryProps() {
    return List.of("retries", "backoff", "maxBackoff");
  }

  @Override
  public String description() {
    return "Calls an HTTP service for each record, with a URL, headers and body templated from the"
        + " record, and writes the answer into it. Retries 5xx, 429 and timeouts with backoff;"
        + " records that still fail go to the error stage.";
  }

  @Override
  public Class<FetchOptions> optionsClass() {
    return FetchOptions.class;
  }

  @Override
  public Optional<StageState> state(FetchOptions o) {
    return Optional.of(StageState.of("the records waiting for their responses"));
  }

  @Override
  public void validate(FetchOptions o, ValidationContext ctx) {
    checkPath(o.responsePath(), "responsePath", ctx);
    if (o.body() != null && o.method() == RequestMethod.GET) {
      ctx.warning("body", "a GET request with a body is unusual; did you mean method: POST?");
    }
  }

  static void checkPath(String path, String prop, ValidationContext ctx) {
    if (path != null && !path.isEmpty()) {
      try {
        FieldPath.parse(path);
      } catch (IllegalArgumentException e) {
        ctx.error(prop, e.getMessage());
      }
    }
  }

  @Override
  public DataStream<FlowRecord> apply(
      DataStream<FlowRecord> input, FetchOptions o, StageContext ctx) {
    return build(input, o, ctx, new FetchFunction(o, ctx.stageName(), ctx.errorRecords(), null));
  }

  /** The same operators as {@link #apply}, with {@code responder} answering instead of HTTP. */
  @Override
  public DataStream<FlowRecord> applyWithResponder(
      DataStream<FlowRecord> input, FetchOptions o, StageContext ctx, Responder responder) {
    return build(
        input, o, ctx, new FetchFunction(o, ctx.stageName(), ctx.errorRecords(), responder));
  }

  private static DataStream<FlowRecord> build(
      DataStream<FlowRecord> input, FetchOptions o, StageContext ctx, FetchFunction fn) {
    return ctx.processAsync(input, fn, o.ordered(), overallLimit(o), o.maxInFlight());
  }

  /**
   * The async operator's own time limit: every attempt at its timeout plus every wait at its
   * longest (a backoff or an honoured Retry-After), and a margin; a safety net that the retry rules
   * keep out of reach.
   */
  static Duration overallLimit(FetchOptions o) {
    Duration attempt = o.timeout() == null ? Duration.ofSeconds(5) : o.timeout();
    Duration backoff = o.maxBackoff() == null ? Duration.ofSeconds(10) : o.maxBackoff();
    Duration retryAfter = Duration.ofMillis(RetryPolicy.MAX_RETRY_AFTER_MILLIS);
    Duration wait = backoff.compareTo(retryAfter) > 0 ? backoff : retryAfter;
    int attempts = Math.max(0, o.retries()) + 1;
    return attempt.multipliedBy(attempts).plus(wait.multipliedBy(attempts)).plusSeconds(10);
  }

  /** Sets the target field; when a missing resource passes, the field may stay unset. */
  @Override
  public FieldEffects fields(FetchOptions o) {
    if (o.target() == null) {
      return FieldEffects.UNKNOWN;
    }
    return FieldEffects.of(
        o.onNotFound() == FetchOptions.NotFound.PASS
            ? new FieldEffects.Changed(o.target().toString())
            : new FieldEffects.Set(o.target().toString(), null));
  }
}

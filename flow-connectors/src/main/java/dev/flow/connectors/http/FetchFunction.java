package dev.flow.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flow.expr.Template;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.ErrorMarks;
import dev.flow.spi.ErrorRecordFactory;
import dev.flow.spi.Responder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The {@code Fetch} stage's async function: renders the request from the record, answers from the
 * cache or calls the service with retries, and writes the answer (or a part of it) into the record.
 * A record that fails for good is completed as an error record marked with {@link ErrorMarks#mark}.
 * With a {@link Responder} (a test's mock), the responder answers instead of the service.
 */
final class FetchFunction extends RichAsyncFunction<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final FetchOptions options;
  private final String stageName;
  private final ErrorRecordFactory errorRecords;
  private final FieldPath target;
  private final FieldPath responsePath;
  private final Responder responder;

  private transient HttpCaller caller;
  private transient Cache<String, JsonNode> cache;
  private transient Counter retries;
  private transient Counter cacheHits;

  FetchFunction(
      FetchOptions options,
      String stageName,
      ErrorRecordFactory errorRecords,
      Responder responder) {
    this.options = options;
    this.responder = responder;
    this.stageName = stageName;
    this.errorRecords = errorRecords;
    this.target = options.target() == null ? FieldPath.of("response") : options.target();
    this.responsePath =
        options.responsePath() == null || options.responsePath().isEmpty()
            ? null
            : FieldPath.parse(options.responsePath());
  }

  @Override
  public void open(OpenContext openContext) {
    var group = getRuntimeContext().getMetricGroup().addGroup("stage", stageName);
    retries = group.counter("retries", new ThreadSafeSimpleCounter());
    cacheHits = group.counter("cacheHits", new ThreadSafeSimpleCounter());
    caller =
        new HttpCaller(
            HttpCaller.newClient(options.timeout()),
            new RetryPolicy(options.retries(), options.backoff(), options.maxBackoff()),
            status -> retries.inc());
    if (options.cacheTtl() != null && !options.cacheTtl().isZero()) {
      cache =
          Caffeine.newBuilder()
              .expireAfterWrite(options.cacheTtl())
              .maximumSize(options.cacheSize())
              .build();
    }
  }

  @Override
  public void asyncInvoke(FlowRecord record, ResultFuture<FlowRecord> result) {
    if (responder != null) {
      answerFromResponder(record, result);
      return;
    }
    HttpRequest request;
    String key;
    try {
      String url = options.url().render(record);
      String body = options.body() == null ? null : options.body().render(record);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(options.timeout())
              .method(
                  options.method().name(),
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      StringBuilder k = new StringBuilder(options.method().name()).append(' ').append(url);
      if (options.headers() != null) {
        for (Map.Entry<String, Template> h : options.headers().entrySet()) {
          String v = h.getValue().render(record);
          b.header(h.getKey(), v);
          k.append('\n').append(h.getKey()).append(':').append(v);
        }
      }
      if (body != null) {
        k.append("\n\n").append(body);
      }
      request = b.build();
      key = k.toString();
    } catch (RuntimeException e) {
      fail(record, "cannot build the request: " + ErrorRecordFactory.describe(e), result);
      return;
    }
    JsonNode cached = cache == null ? null : cache.getIfPresent(key);
    if (cached != null) {
      cacheHits.inc();
      record.set(target, cached.deepCopy());
      result.complete(List.of(record));
      return;
    }
    caller
        .call(request)
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                fail(record, ErrorRecordFactory.describe(error), result);
              } else {
                answer(record, request, key, response, result);
              }
            });
  }

  private void answer(
      FlowRecord record,
      HttpRequest request,
      String key,
      HttpResponse<byte[]> response,
      ResultFuture<FlowRecord> result) {
    int status = response.statusCode();
    if (status == 404 && options.onNotFound() != FetchOptions.NotFound.ERROR) {
      notFound(record, result);
      return;
    }
    if (status < 200 || status > 299) {
      fail(
          record,
          HttpCaller.describe(request) + "HTTP " + status + HttpCaller.snippet(response.body()),
          result);
      return;
    }
    JsonNode value;
    try {
      value = value(response.body());
    } catch (RuntimeException e) {
      fail(record, HttpCaller.describe(request) + ErrorRecordFactory.describe(e), result);
      return;
    }
    if (cache != null) {
      cache.put(key, value.deepCopy());
    }
    record.set(target, value);
    result.complete(List.of(record));
  }

  /** Completes with the responder's answer, merged as a service's answer would be. */
  private void answerFromResponder(FlowRecord record, ResultFuture<FlowRecord> result) {
    JsonNode answer;
    try {
      answer = responder.respond(record);
    } catch (Exception e) {
      fail(record, ErrorRecordFactory.describe(e), result);
      return;
    }
    if (answer == null) {
      if (options.onNotFound() == FetchOptions.NotFound.ERROR) {
        fail(record, "HTTP 404 (mock: no answer)", result);
      } else {
        notFound(record, result);
      }
      return;
    }
    record.set(target, narrow(answer.deepCopy()));
    result.complete(List.of(record));
  }

  private void notFound(FlowRecord record, ResultFuture<FlowRecord> result) {
    result.complete(
        options.onNotFound() == FetchOptions.NotFound.PASS ? List.of(record) : List.of());
  }

  /** The answer as JSON, or as a string when it is not JSON, narrowed to the response path. */
  private JsonNode value(byte[] body) {
    JsonNode node;
    if (body.length == 0) {
      node = Json.NODES.nullNode();
    } else {
      try {
        node = Json.MAPPER.readTree(body);
      } catch (Exception notJson) {
        node = Json.NODES.textNode(new String(body, StandardCharsets.UTF_8));
      }
    }
    return narrow(node);
  }

  /** The part of an answer at the response path, or a JSON null when the path is not there. */
  private JsonNode narrow(JsonNode node) {
    if (responsePath != null) {
      for (int i = 0; i < responsePath.length() && node != null; i++) {
        node = node.isObject() ? node.get(responsePath.segment(i)) : null;
      }
      if (node == null) {
        node = Json.NODES.nullNode();
      }
    }
    return node;
  }

  private void fail(FlowRecord record, String message, ResultFuture<FlowRecord> result) {
    ErrorMarks.completeWithError(result, errorRecords.create(record, message));
  }

  @Override
  public void timeout(FlowRecord record, ResultFuture<FlowRecord> result) {
    fail(record, "no final answer within the stage's overall time limit", result);
  }
}

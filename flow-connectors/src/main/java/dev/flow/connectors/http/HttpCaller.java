package dev.flow.connectors.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests with retries and exponential backoff, without blocking: 5xx, 429 (after its
 * Retry-After), timeouts and connection errors are retried; other answers are returned as they are.
 * When retries run out the future fails with an {@link HttpCallException} that says why.
 */
final class HttpCaller {

  /** Told about each retry, e.g. to count it. */
  interface RetryListener {
    void onRetry(int status);
  }

  private final HttpClient client;
  private final RetryPolicy policy;
  private final RetryListener listener;

  HttpCaller(HttpClient client, RetryPolicy policy, RetryListener listener) {
    this.client = client;
    this.policy = policy;
    this.listener = listener;
  }

  /** A client for services: HTTP/1.1, with the given connect timeout. */
  static HttpClient newClient(java.time.Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** The final answer: a success, or an answer that is not retried (e.g. 404). */
  CompletableFuture<HttpResponse<byte[]>> call(HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> result = new CompletableFuture<>();
    attempt(request, 0, result);
    return result;
  }

  private void attempt(
      HttpRequest request, int retry, CompletableFuture<HttpResponse<byte[]>> result) {
    client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                String why = why(cause, request);
                if (!(cause instanceof IOException)) {
                  result.completeExceptionally(new HttpCallException(describe(request) + why, 0));
                } else {
                  retryOrFail(request, retry, 0, policy.backoffMillis(retry + 1), why, result);
                }
                return;
              }
              int status = response.statusCode();
              if (!RetryPolicy.retryable(status)) {
                result.complete(response);
                return;
              }
              long wait = retryAfterMillis(response);
              retryOrFail(
                  request,
                  retry,
                  status,
                  wait >= 0 ? wait : policy.backoffMillis(retry + 1),
                  "HTTP " + status + snippet(response.body()),
                  result);
            });
  }

  private void retryOrFail(
      HttpRequest request,
      int retry,
      int status,
      long waitMillis,
      String why,
      CompletableFuture<HttpResponse<byte[]>> result) {
    if (retry >= policy.maxRetries()) {
      result.completeExceptionally(
          new HttpCallException(
              describe(request)
                  + "failed after "
                  + (retry + 1)
                  + (retry == 0 ? " attempt: " : " attempts: ")
                  + why,
              status));
      return;
    }
    listener.onRetry(status);
    CompletableFuture.delayedExecutor(waitMillis, TimeUnit.MILLISECONDS)
        .execute(() -> attempt(request, retry + 1, result));
  }

  /** The Retry-After of a 429 or 503 in milliseconds, or -1 when absent or unreadable. */
  static long retryAfterMillis(HttpResponse<?> response) {
    var header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return -1;
    }
    String v = header.get().trim();
    long millis;
    try {
      millis = Long.parseLong(v) * 1000;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        millis = at.toInstant().toEpochMilli() - System.currentTimeMillis();
      } catch (RuntimeException notDate) {
        return -1;
      }
    }
    return Math.min(Math.max(0, millis), RetryPolicy.MAX_RETRY_AFTER_MILLIS);
  }

  /** Why a call failed without an answer, in words: no "null" for a refused connection. */
  static String why(Throwable cause, HttpRequest request) {
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + request.timeout().map(Object::toString).orElse("?");
    }
    if (cause instanceof java.net.ConnectException) {
      java.net.URI uri = request.uri();
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      String msg = cause.getMessage();
      return "cannot connect to "
          + uri.getHost()
          + ":"
          + port
          + (msg == null || msg.isBlank() ? " (connection refused)" : " (" + msg + ")");
    }
    String msg = cause.getMessage();
    return cause.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
  }

  static String describe(HttpRequest request) {
    return request.method() + " " + request.uri() + ": ";
  }

  /** The start of a body, for error messages. */
  static String snippet(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    return s.isEmpty() ? "" : " " + s.replaceAll("\\s+", " ");
  }
}

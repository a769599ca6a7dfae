package dev.flow.connectors.http;

import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/** Props of the {@code Webhook} trigger. */
public record WebhookOptions(
    @Prop(description = "The path that receives records, e.g. /orders.", required = true)
        String path,
    @Prop(
            description =
                "The host the request must be addressed to (its Host header), e.g."
                    + " hooks.example.com; *.example.com matches every subdomain. Unset: any host.")
        String host,
    @Prop(description = "The HTTP methods accepted on the path.", defaultValue = "[POST]")
        List<RequestMethod> methods,
    @Prop(
            description =
                "The port to listen on. Parallel instance i of the stage listens on port + i.",
            defaultValue = "8080",
            min = "0",
            max = "65535")
        int port,
    @Prop(
            description =
                "The address to listen on. The default listens on this machine only; set 0.0.0.0"
                    + " (every interface) or an address to take requests from other machines.",
            defaultValue = "127.0.0.1")
        String bind,
    @Prop(description = "none, bearer or hmac.", defaultValue = "none") Auth auth,
    @Prop(
            description = "The token a client must send as 'Authorization: Bearer <token>'.",
            secret = true)
        String token,
    @Prop(description = "The key of the HMAC-SHA256 body signature (auth: hmac).", secret = true)
        String hmacSecret,
    @Prop(
            description =
                "The header that carries the hex HMAC-SHA256 of the body, with or without a"
                    + " 'sha256=' prefix.",
            defaultValue = "X-Signature-256")
        String signatureHeader,
    @Prop(
            description =
                "Failed auth attempts a client address may make within authLockout; past them its"
                    + " requests get 429 with Retry-After until the lockout ends. 0: no limit.",
            defaultValue = "10",
            min = "0")
        int authFailures,
    @Prop(
            description =
                "How long a client address that failed auth authFailures times is refused, and"
                    + " the window in which its failures are counted.",
            defaultValue = "60s",
            min = "1ms")
        Duration authLockout,
    @Prop(
            description = "The largest body accepted, in bytes; a larger one gets 413.",
            defaultValue = "1048576",
            min = "2")
        int maxBodyBytes,
    @Prop(
            description =
                "Records accepted but not yet handed on (or, with ack: checkpoint, not yet"
                    + " stored). Beyond it requests get 503 with Retry-After.",
            defaultValue = "10000",
            min = "1")
        int queueCapacity,
    @Prop(description = "The Retry-After of a 503, in seconds.", defaultValue = "1")
        int retryAfterSeconds,
    @Prop(
            description = "The time a client has to send a whole request; a slower one gets 408.",
            defaultValue = "10s")
        Duration readTimeout,
    @Prop(description = "An idle keep-alive connection is closed after this.", defaultValue = "60s")
        Duration idleTimeout,
    @Prop(
            description =
                "When to answer 202: 'received' once the record is queued (at most once across a"
                    + " failure), or 'checkpoint' once a completed checkpoint holds it (at least"
                    + " once: a client that gets no 202 sends again).",
            defaultValue = "received")
        Ack ack,
    @Prop(
            description = "The path of the health endpoint, which needs no auth.",
            defaultValue = "/health")
        String healthPath,
    @Prop(
            description = "Threads serving HTTP in each parallel instance.",
            defaultValue = "1",
            min = "1")
        int ioThreads)
    implements Serializable {

  /** How requests are authenticated. */
  public enum Auth {
    NONE,
    BEARER,
    HMAC
  }

  /** When a request is answered 202. */
  public enum Ack {
    RECEIVED,
    CHECKPOINT
  }

  /** Options with every default and the given path and port. */
  public static WebhookOptions of(String path, int port) {
    return new WebhookOptions(
        path,
        null,
        List.of(RequestMethod.POST),
        port,
        "127.0.0.1",
        Auth.NONE,
        null,
        null,
        "X-Signature-256",
        10,
        Duration.ofSeconds(60),
        1 << 20,
        10_000,
        1,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Ack.RECEIVED,
        "/health",
        1);
  }
}

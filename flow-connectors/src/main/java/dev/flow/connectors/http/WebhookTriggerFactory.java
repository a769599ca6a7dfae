package dev.flow.connectors.http;

import dev.flow.record.FlowRecord;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.IoContext;
import dev.flow.spi.Resource;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/** {@code Webhook}: starts one run per JSON object posted to an HTTP path. */
public final class WebhookTriggerFactory implements TriggerFactory<WebhookOptions> {

  @Override
  public String name() {
    return "Webhook";
  }

  @Override
  public List<String> aliases() {
    return List.of("HTTP Trigger", "HTTP Endpoint");
  }

  @Override
  public String description() {
    return "Listens for HTTP requests on a path (and optionally a host) and starts one run per JSON"
        + " object in the body, answering 202 with the run ids.";
  }

  @Override
  public Class<WebhookOptions> optionsClass() {
    return WebhookOptions.class;
  }

  @Override
  public Optional<StageState> state(WebhookOptions o) {
    return Optional.of(StageState.of("no records, only a marker of the source's one split"));
  }

  @Override
  public void validate(WebhookOptions o, ValidationContext ctx) {
    if (o.path() != null && !o.path().startsWith("/")) {
      ctx.error("path", "the path must start with '/', e.g. /" + o.path());
    }
    if (o.path() != null && o.path().equals(o.healthPath())) {
      ctx.error("healthPath", "the health path must differ from the webhook's path");
    }
    if (o.auth() == WebhookOptions.Auth.BEARER && isBlank(o.token())) {
      ctx.error("token", "auth: bearer needs a token, e.g. token: ${env:WEBHOOK_TOKEN}");
    }
    if (o.auth() == WebhookOptions.Auth.HMAC && isBlank(o.hmacSecret())) {
      ctx.error("hmacSecret", "auth: hmac needs an hmacSecret, e.g. ${env:WEBHOOK_SECRET}");
    }
    if (o.auth() == WebhookOptions.Auth.NONE && (!isBlank(o.token()) || !isBlank(o.hmacSecret()))) {
      ctx.warning("auth", "a token or secret is set but auth is none, so it is not checked");
    }
    if ((o.auth() == null || o.auth() == WebhookOptions.Auth.NONE) && !isLoopback(o.bind())) {
      ctx.warning(
          "bind",
          "the webhook listens on "
              + o.bind()
              + ", reachable from other machines, with no auth: anyone who reaches it can start"
              + " runs; set auth: bearer or hmac, or bind: 127.0.0.1");
    }
    if (o.ack() == WebhookOptions.Ack.CHECKPOINT
        && ctx.settings().checkpointing().enabled() == FlowSettings.Toggle.OFF) {
      ctx.error(
          "ack",
          "ack: checkpoint answers after a checkpoint, but checkpointing is off in settings;"
              + " turn it on or use ack: received");
    }
  }

  @Override
  public boolean isBounded(WebhookOptions options) {
    return false;
  }

  @Override
  public DataStream<FlowRecord> create(WebhookOptions options, TriggerContext ctx) {
    return ctx.fromSource(new WebhookSource(options, ctx.stageName()));
  }

  /** True for an address of this machine only: 127.x.x.x, ::1 or localhost (and unset). */
  static boolean isLoopback(String bind) {
    if (bind == null || bind.isBlank()) {
      return true;
    }
    String b = bind.trim().toLowerCase(Locale.ROOT);
    if (b.startsWith("[") && b.endsWith("]")) {
      b = b.substring(1, b.length() - 1);
    }
    return b.equals("localhost")
        || b.startsWith("127.")
        || b.equals("::1")
        || b.equals("0:0:0:0:0:0:0:1");
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Reads the endpoint it serves: its host (or localhost), port and path. */
  @Override
  public List<Resource> io(WebhookOptions o, IoContext ctx) {
    if (o.path() == null) {
      return List.of();
    }
    String host = o.host() == null ? "localhost" : o.host().toLowerCase(java.util.Locale.ROOT);
    String path = o.path().startsWith("/") ? o.path() : "/" + o.path();
    return List.of(Resource.reads("http-endpoint", "", host + ":" + o.port() + path));
  }
}

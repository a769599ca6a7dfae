package dev.flow.connectors.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.InvalidRecordException;
import dev.flow.record.Json;
import dev.flow.spi.RunIds;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Handles a request that passed the router and the size limit: checks the HMAC signature, parses
 * the body into one record per object, gives each a run id, admits them to the {@link Inbox} and
 * answers 202 with the run ids, now or once the records are stored (ack: checkpoint).
 */
final class WebhookHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final ThreadLocal<RunIds> RUN_IDS = ThreadLocal.withInitial(RunIds::new);

  private final WebhookServer.Config config;
  private final RequestTimer timer;
  private final HmacSignature hmac;
  private final boolean ackOnCheckpoint;
  private String remote;
  private boolean remoteKnown;
  private long receivedAtMillis;
  private String receivedAtText;

  WebhookHandler(WebhookServer.Config config, RequestTimer timer) {
    this.config = config;
    this.timer = timer;
    WebhookOptions o = config.options();
    this.hmac = o.auth() == WebhookOptions.Auth.HMAC ? new HmacSignature(o.hmacSecret()) : null;
    this.ackOnCheckpoint = o.ack() == WebhookOptions.Ack.CHECKPOINT;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    timer.requestRead();
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    byte[] body = ByteBufUtil.getBytes(req.content());
    if (hmac != null) {
      if (!hmac.verify(body, req.headers().get(config.options().signatureHeader()))) {
        config.throttle().failed(WebhookRouter.clientOf(ctx));
        refuse(ctx, keepAlive, HttpResponseStatus.UNAUTHORIZED, "the body signature is not valid");
        return;
      }
      config.throttle().succeeded(WebhookRouter.clientOf(ctx));
    }
    List<FlowRecord> records;
    try {
      records = parse(body);
    } catch (InvalidRecordException e) {
      refuse(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    RunIds ids = RUN_IDS.get();
    long now = System.currentTimeMillis();
    ObjectNode meta = Json.NODES.objectNode();
    meta.put("method", req.method().name());
    meta.put("uri", req.uri());
    String host = req.headers().get(HttpHeaderNames.HOST);
    if (host != null) {
      meta.put("host", host);
    }
    // Where the records came from, for their error records: the request's id is its first run id.
    String remote = remoteAddress(ctx);
    if (remote != null) {
      meta.put("remoteAddress", remote);
    }
    meta.put("receivedAt", receivedAt(now));
    for (int i = 0; i < records.size(); i++) {
      FlowRecord r = records.get(i);
      r.runId(ids.next()).triggerTime(now);
      if (i == 0) {
        meta.put("requestId", r.runId());
      }
      r.meta(i == 0 ? meta : meta.deepCopy());
    }
    ChannelResponder responder =
        new ChannelResponder(ctx.channel(), keepAlive, records, isArray(body), ackOnCheckpoint);
    if (ackOnCheckpoint) {
      ctx.channel().config().setAutoRead(false);
    }
    if (!config.inbox().offer(new Inbox.Accepted(records, responder), ctx.executor())) {
      if (ackOnCheckpoint) {
        ctx.channel().config().setAutoRead(true);
      }
      FullHttpResponse r =
          HttpResponses.error(
              HttpResponseStatus.SERVICE_UNAVAILABLE,
              "the flow is busy; send the request again later");
      r.headers().setInt(HttpHeaderNames.RETRY_AFTER, config.options().retryAfterSeconds());
      config.metrics().refused(503);
      HttpResponses.send(ctx.channel(), r, keepAlive);
      return;
    }
    config.metrics().accepted(records.size());
    if (!ackOnCheckpoint) {
      responder.stored();
    }
  }

  /** The client's address as text, worked out once per connection (this handler's). */
  private String remoteAddress(ChannelHandlerContext ctx) {
    if (!remoteKnown) {
      java.net.InetAddress a = WebhookRouter.clientOf(ctx);
      remote = a == null ? null : a.getHostAddress();
      remoteKnown = true;
    }
    return remote;
  }

  /** {@code now} as an ISO-8601 instant, formatted once per millisecond on this connection. */
  private String receivedAt(long now) {
    if (now != receivedAtMillis || receivedAtText == null) {
      receivedAtText = java.time.Instant.ofEpochMilli(now).toString();
      receivedAtMillis = now;
    }
    return receivedAtText;
  }

  private void refuse(
      ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String message) {
    config.metrics().refused(status.code());
    HttpResponses.send(ctx.channel(), HttpResponses.error(status, message), keepAlive);
  }

  /** One record for a JSON object, one per element for an array of objects. */
  static List<FlowRecord> parse(byte[] body) {
    int start = firstNonSpace(body);
    if (start < body.length && body[start] == '{') {
      FlowRecord r = FlowRecord.parseJson(body);
      r.original(body);
      return List.of(r);
    }
    if (start >= body.length || body[start] != '[') {
      throw new InvalidRecordException("the body must be a JSON object or an array of objects");
    }
    JsonNode tree;
    try (JsonParser p = Json.MAPPER.createParser(body)) {
      tree = Json.MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new InvalidRecordException("trailing content after the JSON array");
      }
    } catch (IOException e) {
      String msg = e.getMessage();
      int cut = msg == null ? -1 : msg.indexOf("\n at [Source");
      throw new InvalidRecordException(
          "not valid JSON: " + (cut > 0 ? msg.substring(0, cut) : msg), e);
    }
    if (tree.isEmpty()) {
      throw new InvalidRecordException("the array holds no records");
    }
    List<FlowRecord> out = new ArrayList<>(tree.size());
    for (int i = 0; i < tree.size(); i++) {
      JsonNode e = tree.get(i);
      if (!(e instanceof ObjectNode o)) {
        throw new InvalidRecordException(
            "element " + i + " of the array is not a JSON object but " + e.getNodeType());
      }
      out.add(FlowRecord.of(o));
    }
    return out;
  }

  private static boolean isArray(byte[] body) {
    int i = firstNonSpace(body);
    return i < body.length && body[i] == '[';
  }

  private static int firstNonSpace(byte[] b) {
    int i = 0;
    while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}

package dev.flow.connectors.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.Json;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from a request's head alone, before its body is read: the health endpoint, 404 for
 * another path or host, 405 for another method, 401 for a wrong bearer token, 400 for a head that
 * does not parse. A refused request's body is skipped.
 */
final class WebhookRouter extends ChannelInboundHandlerAdapter {

  private final WebhookServer.Config config;
  private final Set<String> methods;
  private final byte[] bearer;
  private boolean skipping;

  WebhookRouter(WebhookServer.Config config) {
    this.config = config;
    this.methods = config.methods();
    this.bearer =
        config.options().auth() == WebhookOptions.Auth.BEARER
            ? ("Bearer " + config.options().token()).getBytes(StandardCharsets.UTF_8)
            : null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest req) {
      skipping = false;
      FullHttpResponse refusal = refusal(req, clientOf(ctx));
      if (refusal != null) {
        config.metrics().refused(refusal.status().code());
        boolean hasBody =
            HttpUtil.getContentLength(req, 0L) > 0 || HttpUtil.isTransferEncodingChunked(req);
        boolean keepAlive = HttpUtil.isKeepAlive(req) && !hasBody;
        skipping = !(msg instanceof LastHttpContent);
        ReferenceCountUtil.release(msg);
        HttpResponses.send(ctx.channel(), refusal, keepAlive);
        return;
      }
    } else if (skipping && msg instanceof HttpObject) {
      skipping = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** The address of the client on {@code ctx}'s channel, or null when it is not an IP socket. */
  static InetAddress clientOf(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
  }

  private FullHttpResponse refusal(HttpRequest req, InetAddress client) {
    if (!req.decoderResult().isSuccess()) {
      return HttpResponses.error(HttpResponseStatus.BAD_REQUEST, "the request does not parse");
    }
    String uri = req.uri();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String health = config.options().healthPath();
    if (health != null && !health.isEmpty() && path.equals(health)) {
      if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
        return methodNotAllowed("GET");
      }
      ObjectNode body = Json.NODES.objectNode();
      body.put("status", "up");
      body.put("stage", config.stageName());
      body.put("queued", config.inbox().held());
      body.put("capacity", config.inbox().capacity());
      return HttpResponses.json(HttpResponseStatus.OK, body);
    }
    String notFound =
        notFound(
            path,
            config.options().path(),
            config.options().host(),
            req.headers().get(HttpHeaderNames.HOST));
    if (notFound != null) {
      return HttpResponses.error(HttpResponseStatus.NOT_FOUND, notFound);
    }
    if (!methods.contains(req.method().name())) {
      return methodNotAllowed(String.join(", ", methods));
    }
    if (config.options().auth() != null && config.options().auth() != WebhookOptions.Auth.NONE) {
      long retryAfter = config.throttle().retryAfterSeconds(client);
      if (retryAfter > 0) {
        return tooManyFailures(retryAfter);
      }
    }
    if (bearer != null) {
      String given = req.headers().get(HttpHeaderNames.AUTHORIZATION);
      if (given == null || !MessageDigest.isEqual(bearer, given.getBytes(StandardCharsets.UTF_8))) {
        config.throttle().failed(client);
        FullHttpResponse r =
            HttpResponses.error(
                HttpResponseStatus.UNAUTHORIZED, "a valid bearer token is required");
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        return r;
      }
      config.throttle().succeeded(client);
    }
    return null;
  }

  /** The 429 of a client locked out after too many failed auth attempts. */
  static FullHttpResponse tooManyFailures(long retryAfterSeconds) {
    FullHttpResponse r =
        HttpResponses.error(
            HttpResponseStatus.TOO_MANY_REQUESTS,
            "too many failed auth attempts from this address; try again in "
                + retryAfterSeconds
                + " s");
    r.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return r;
  }

  private static FullHttpResponse methodNotAllowed(String allow) {
    FullHttpResponse r =
        HttpResponses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "allowed methods: " + allow);
    r.headers().set(HttpHeaderNames.ALLOW, allow);
    return r;
  }

  /** True when {@code want} (a host, {@code *.domain}, or unset) admits the Host header. */
  /**
   * Why a request for {@code path} with the {@code Host} header {@code hostHeader} finds no webhook
   * here, or null when it does: another path, or the right path asked for another host.
   */
  static String notFound(String path, String wantPath, String wantHost, String hostHeader) {
    if (!path.equals(wantPath)) {
      return "no webhook at " + path;
    }
    if (hostMatches(wantHost, hostHeader)) {
      return null;
    }
    return "the webhook at "
        + path
        + " answers only for host "
        + wantHost
        + (hostHeader == null ? ", and the request has no Host header" : ", not " + hostHeader);
  }

  static boolean hostMatches(String want, String hostHeader) {
    if (want == null || want.isEmpty()) {
      return true;
    }
    if (hostHeader == null) {
      return false;
    }
    String host = hostHeader;
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(']') < colon) {
      host = host.substring(0, colon);
    }
    host = host.toLowerCase(Locale.ROOT);
    want = want.toLowerCase(Locale.ROOT);
    if (want.startsWith("*.")) {
      return host.endsWith(want.substring(1)) && host.length() > want.length() - 1;
    }
    return host.equals(want);
  }
}

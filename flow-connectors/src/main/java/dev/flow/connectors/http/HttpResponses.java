package dev.flow.connectors.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Builds and sends the webhook's JSON responses. */
final class HttpResponses {
  private HttpResponses() {}

  /** A response with a JSON body. */
  static FullHttpResponse json(HttpResponseStatus status, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes), false, false);
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return r;
  }

  /** A response whose body is {@code {"error": message}}. */
  static FullHttpResponse error(HttpResponseStatus status, String message) {
    ObjectNode body = Json.NODES.objectNode();
    body.put("error", message);
    return json(status, body);
  }

  /** Sends {@code r}, closing the connection afterwards unless it is kept alive. */
  static void send(Channel ch, FullHttpResponse r, boolean keepAlive) {
    if (keepAlive) {
      ch.writeAndFlush(r, ch.voidPromise());
    } else {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ch.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }
}

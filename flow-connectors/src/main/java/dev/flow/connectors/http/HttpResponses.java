package dev.flow.connectors.http;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
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

  private static final byte[] ONE = "{\"status\":\"accepted\",\"runId\":\"".getBytes(US_ASCII);
  private static final byte[] MANY = "{\"status\":\"accepted\",\"runIds\":[".getBytes(US_ASCII);

  /**
   * The 202 of an accepted request: {@code {"status":"accepted","runId":"..."}}, or {@code
   * "runIds":[...]} for an array. The same bytes Jackson writes for that object, written straight
   * into a pooled buffer: run ids are ASCII letters, digits and '-', which JSON needs no escape
   * for.
   */
  static FullHttpResponse accepted(ByteBufAllocator alloc, String[] runIds, boolean array) {
    int len = (array ? MANY.length + 2 : ONE.length + 2) + runIds.length * 3;
    for (String id : runIds) {
      len += id.length();
    }
    ByteBuf b = alloc.buffer(len);
    if (array) {
      b.writeBytes(MANY);
      for (int i = 0; i < runIds.length; i++) {
        if (i > 0) {
          b.writeByte(',');
        }
        b.writeByte('"').writeCharSequence(runIds[i], US_ASCII);
        b.writeByte('"');
      }
      b.writeByte(']').writeByte('}');
    } else {
      b.writeBytes(ONE).writeCharSequence(runIds[0], US_ASCII);
      b.writeByte('"').writeByte('}');
    }
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED, b, false, false);
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, b.readableBytes());
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

package dev.flow.connectors.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Guards one connection against slow clients: a request must arrive whole within the read timeout
 * of its first byte, else it gets 408 and the connection closes; a connection idle between requests
 * is closed. Sits before the HTTP codec, so it sees raw bytes.
 */
final class RequestTimer extends ChannelDuplexHandler {
  private enum State {
    IDLE,
    READING,
    AWAITING_RESPONSE
  }

  private final long readTimeoutMillis;
  private State state = State.IDLE;
  private ScheduledFuture<?> deadline;

  RequestTimer(long readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (state == State.IDLE && msg instanceof ByteBuf b && b.isReadable()) {
      state = State.READING;
      deadline =
          ctx.executor().schedule(() -> timedOut(ctx), readTimeoutMillis, TimeUnit.MILLISECONDS);
    }
    super.channelRead(ctx, msg);
  }

  /** Called by the request handler, on the event loop, once a request was read whole. */
  void requestRead() {
    cancel();
    state = State.AWAITING_RESPONSE;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    // A response, whole or refused: the next bytes start a new request.
    cancel();
    state = State.IDLE;
    super.write(ctx, msg, promise);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent && state == State.IDLE) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  private void timedOut(ChannelHandlerContext ctx) {
    if (state != State.READING || !ctx.channel().isActive()) {
      return;
    }
    HttpResponses.send(
        ctx.channel(),
        HttpResponses.error(
            HttpResponseStatus.REQUEST_TIMEOUT,
            "the request was not received whole within " + readTimeoutMillis + " ms"),
        false);
  }

  private void cancel() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}

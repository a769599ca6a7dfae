package dev.flow.connectors.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Guards one connection against slow and idle clients: a request must arrive whole within the read
 * timeout of its first byte, else it gets 408 and the connection closes; a connection idle between
 * requests for the idle timeout is closed. Sits before the HTTP codec, so it sees raw bytes.
 *
 * <p>A request costs two clock reads and no timer: each connection has at most one pending check,
 * which never lies further ahead than the read timeout. When it runs it acts on the state the
 * connection is in by then, and schedules itself again for the next deadline that state has.
 */
final class RequestTimer extends ChannelDuplexHandler {
  private enum State {
    IDLE,
    READING,
    AWAITING_RESPONSE
  }

  private final long readTimeoutNanos;
  private final long idleTimeoutNanos;
  private final LongSupplier clock;
  private State state = State.IDLE;

  /** When the current state began, by {@link #clock}. */
  private long since;

  private ScheduledFuture<?> check;

  RequestTimer(long readTimeoutMillis, long idleTimeoutMillis) {
    this(readTimeoutMillis, idleTimeoutMillis, System::nanoTime);
  }

  RequestTimer(long readTimeoutMillis, long idleTimeoutMillis, LongSupplier clock) {
    this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
    this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
    this.clock = clock;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    since = clock.getAsLong();
    schedule(ctx, Math.min(idleTimeoutNanos, readTimeoutNanos));
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (state == State.IDLE && msg instanceof ByteBuf b && b.isReadable()) {
      state = State.READING;
      since = clock.getAsLong();
      if (check == null) {
        schedule(ctx, readTimeoutNanos);
      }
    }
    super.channelRead(ctx, msg);
  }

  /** Called by the request handler, on the event loop, once a request was read whole. */
  void requestRead() {
    state = State.AWAITING_RESPONSE;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    // A response, whole or refused: the next bytes start a new request.
    state = State.IDLE;
    since = clock.getAsLong();
    if (check == null && ctx.channel().isActive()) {
      schedule(ctx, Math.min(idleTimeoutNanos, readTimeoutNanos));
    }
    super.write(ctx, msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (check != null) {
      check.cancel(false);
      check = null;
    }
    super.channelInactive(ctx);
  }

  private void schedule(ChannelHandlerContext ctx, long delayNanos) {
    check = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  /** Runs on the event loop when the pending check is due. */
  private void check(ChannelHandlerContext ctx) {
    check = null;
    if (!ctx.channel().isActive()) {
      return;
    }
    long elapsed = clock.getAsLong() - since;
    switch (state) {
      case READING -> {
        if (elapsed >= readTimeoutNanos) {
          HttpResponses.send(
              ctx.channel(),
              HttpResponses.error(
                  HttpResponseStatus.REQUEST_TIMEOUT,
                  "the request was not received whole within "
                      + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos)
                      + " ms"),
              false);
        } else {
          schedule(ctx, readTimeoutNanos - elapsed);
        }
      }
      case IDLE -> {
        if (elapsed >= idleTimeoutNanos) {
          ctx.close();
        } else {
          schedule(ctx, Math.min(idleTimeoutNanos - elapsed, readTimeoutNanos));
        }
      }
      case AWAITING_RESPONSE -> {
        // Nothing to time while the flow stores the records; the response schedules the next check.
      }
    }
  }
}

package dev.flow.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The webhook's read and idle timeouts, on an embedded channel with a clock the test moves. */
class RequestTimerTest {
  private static final long READ = 1_000;
  private static final long IDLE = 5_000;

  private long now;
  private final RequestTimer timer = new RequestTimer(READ, IDLE, () -> now);
  private final EmbeddedChannel ch = new EmbeddedChannel(timer);

  private void advance(long millis) {
    now += TimeUnit.MILLISECONDS.toNanos(millis);
    ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
  }

  private void firstBytes() {
    ch.writeInbound(Unpooled.copiedBuffer("POST /x HTTP/1.1\r\n", StandardCharsets.US_ASCII));
    ch.inboundMessages().clear();
  }

  private void respond() {
    ch.writeOutbound(
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED));
    ch.outboundMessages().clear();
  }

  @Test
  void aRequestNotReadWholeWithinTheReadTimeoutOfItsFirstByteGets408AndTheConnectionCloses() {
    // A few quick requests first, so that the check pending is one scheduled long before.
    for (int i = 0; i < 3; i++) {
      advance(300);
      firstBytes();
      timer.requestRead();
      respond();
    }
    advance(200);
    firstBytes();
    advance(READ - 1);
    assertThat(ch.outboundMessages()).isEmpty();
    assertThat(ch.isOpen()).isTrue();
    advance(1);
    FullHttpResponse r = ch.readOutbound();
    assertThat(r.status()).isEqualTo(HttpResponseStatus.REQUEST_TIMEOUT);
    assertThat(r.content().toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"the request was not received whole within 1000 ms\"}");
    r.release();
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void aConnectionIdleBetweenRequestsClosesAfterTheIdleTimeoutAndNotBefore() {
    advance(400);
    firstBytes();
    timer.requestRead();
    respond();
    advance(IDLE - 1);
    assertThat(ch.isOpen()).isTrue();
    advance(1);
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void requestsKeepAConnectionOpenPastBothTimeouts() {
    for (int i = 0; i < 40; i++) {
      firstBytes();
      advance(READ / 2);
      timer.requestRead();
      respond();
      advance(IDLE / 2);
    }
    assertThat(ch.isOpen()).isTrue();
    assertThat(ch.outboundMessages()).isEmpty();
  }

  @Test
  void aRequestAwaitingItsCheckpointIsNeitherTimedOutNorClosedAsIdle() {
    firstBytes();
    timer.requestRead();
    advance(IDLE * 3);
    assertThat(ch.isOpen()).isTrue();
    assertThat(ch.outboundMessages()).isEmpty();
    respond();
    advance(IDLE);
    assertThat(ch.isOpen()).isFalse();
  }
}

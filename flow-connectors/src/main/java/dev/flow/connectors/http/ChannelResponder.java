package dev.flow.connectors.http;

import dev.flow.record.FlowRecord;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;

/**
 * Answers one webhook request on its connection, from any thread: 202 with the run ids, or 503 when
 * its records were not stored. Only the first answer is sent.
 */
final class ChannelResponder implements Inbox.Responder {
  private final Channel channel;
  private final boolean keepAlive;
  private final String[] runIds;
  private final boolean array;
  private final boolean resumeReading;
  private boolean answered;

  /**
   * @param resumeReading whether the handler stopped reading from the channel until this request is
   *     answered (ack: checkpoint), so that answering turns reading back on
   */
  ChannelResponder(
      Channel channel,
      boolean keepAlive,
      List<FlowRecord> records,
      boolean array,
      boolean resumeReading) {
    this.channel = channel;
    this.resumeReading = resumeReading;
    this.keepAlive = keepAlive;
    this.runIds = new String[records.size()];
    for (int i = 0; i < runIds.length; i++) {
      runIds[i] = records.get(i).runId();
    }
    this.array = array;
  }

  @Override
  public void stored() {
    if (!claim()) {
      return;
    }
    if (!channel.isActive()) {
      return;
    }
    HttpResponses.send(channel, HttpResponses.accepted(channel.alloc(), runIds, array), keepAlive);
    if (resumeReading) {
      channel.config().setAutoRead(true);
    }
  }

  @Override
  public void lost(String reason) {
    FullHttpResponse r = HttpResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, reason);
    r.headers().setInt(HttpHeaderNames.RETRY_AFTER, 1);
    answer(r);
  }

  /** True for the first answer only. */
  private synchronized boolean claim() {
    if (answered) {
      return false;
    }
    answered = true;
    return true;
  }

  private void answer(FullHttpResponse r) {
    if (!claim() || !channel.isActive()) {
      r.release();
      return;
    }
    HttpResponses.send(channel, r, keepAlive);
    if (resumeReading) {
      channel.config().setAutoRead(true);
    }
  }
}

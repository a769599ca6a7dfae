package dev.flow.connectors.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
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
  private boolean answered;

  ChannelResponder(Channel channel, boolean keepAlive, List<FlowRecord> records, boolean array) {
    this.channel = channel;
    this.keepAlive = keepAlive;
    this.runIds = new String[records.size()];
    for (int i = 0; i < runIds.length; i++) {
      runIds[i] = records.get(i).runId();
    }
    this.array = array;
  }

  @Override
  public void stored() {
    ObjectNode body = Json.NODES.objectNode();
    body.put("status", "accepted");
    if (array) {
      ArrayNode ids = body.putArray("runIds");
      for (String id : runIds) {
        ids.add(id);
      }
    } else {
      body.put("runId", runIds[0]);
    }
    answer(HttpResponses.json(HttpResponseStatus.ACCEPTED, body));
  }

  @Override
  public void lost(String reason) {
    FullHttpResponse r = HttpResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, reason);
    r.headers().setInt(HttpHeaderNames.RETRY_AFTER, 1);
    answer(r);
  }

  private void answer(FullHttpResponse r) {
    synchronized (this) {
      if (answered) {
        r.release();
        return;
      }
      answered = true;
    }
    if (!channel.isActive()) {
      r.release();
      return;
    }
    HttpResponses.send(channel, r, keepAlive);
    channel.config().setAutoRead(true);
  }
}

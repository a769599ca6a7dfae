package dev.flow.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.record.FlowRecord;
import dev.flow.record.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookHandlerTest {

  private static List<FlowRecord> parse(String body) {
    return WebhookHandler.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anObjectIsOneRecordAndAnArrayOneRecordPerElement() {
    assertThat(parse("{\"a\":1}").stream().map(FlowRecord::toJson)).containsExactly("{\"a\":1}");
    assertThat(parse("\n {\"a\":1}").get(0).get("a").asInt()).isEqualTo(1);
    assertThat(parse("[{\"a\":1},{\"b\":[2]}]").stream().map(FlowRecord::toJson))
        .containsExactly("{\"a\":1}", "{\"b\":[2]}");
  }

  @Test
  void refusesWhatIsNotObjects() {
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("the body must be a JSON object or an array of objects");
    assertThatThrownBy(() -> parse("42"))
        .hasMessage("the body must be a JSON object or an array of objects");
    assertThatThrownBy(() -> parse("[]")).hasMessage("the array holds no records");
    assertThatThrownBy(() -> parse("[{},\"x\"]"))
        .hasMessage("element 1 of the array is not a JSON object but STRING");
    assertThatThrownBy(() -> parse("[{}] x")).hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> parse("{\"a\":")).hasMessageStartingWith("not valid JSON");
  }

  @Test
  void hmacSignaturesAreCheckedWithOrWithoutPrefix() {
    HmacSignature s = new HmacSignature("key");
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String hex = s.sign(body);
    assertThat(hex).hasSize(64);
    assertThat(s.verify(body, hex)).isTrue();
    assertThat(s.verify(body, "sha256=" + hex)).isTrue();
    assertThat(
            s.verify(
                body, "sha256=" + hex.replace(hex.charAt(0), hex.charAt(0) == 'a' ? 'b' : 'a')))
        .isFalse();
    assertThat(s.verify(body, "not hex")).isFalse();
    assertThat(s.verify(body, null)).isFalse();
    assertThat(new HmacSignature("other").verify(body, hex)).isFalse();
  }

  @Test
  void aRequestForTheRightPathOnAnotherHostIsToldSo() {
    assertThat(WebhookRouter.notFound("/other", "/in", "hooks.example.com", "hooks.example.com"))
        .isEqualTo("no webhook at /other");
    assertThat(WebhookRouter.notFound("/in", "/in", "hooks.example.com", "evil.example.org:8080"))
        .isEqualTo(
            "the webhook at /in answers only for host hooks.example.com, not"
                + " evil.example.org:8080");
    assertThat(WebhookRouter.notFound("/in", "/in", "hooks.example.com", null))
        .isEqualTo(
            "the webhook at /in answers only for host hooks.example.com, and the request has no"
                + " Host header");
    assertThat(WebhookRouter.notFound("/in", "/in", "hooks.example.com", "Hooks.Example.com"))
        .isNull();
    assertThat(WebhookRouter.notFound("/in", "/in", null, "anything")).isNull();
  }

  @Test
  void hostsMatchExactlyOrBySubdomainIgnoringPortAndCase() {
    assertThat(WebhookRouter.hostMatches(null, "anything")).isTrue();
    assertThat(WebhookRouter.hostMatches("hooks.example.com", "Hooks.Example.com:8080")).isTrue();
    assertThat(WebhookRouter.hostMatches("hooks.example.com", "example.com")).isFalse();
    assertThat(WebhookRouter.hostMatches("hooks.example.com", null)).isFalse();
    assertThat(WebhookRouter.hostMatches("*.example.com", "a.example.com")).isTrue();
    assertThat(WebhookRouter.hostMatches("*.example.com", "a.b.example.com:443")).isTrue();
    assertThat(WebhookRouter.hostMatches("*.example.com", "example.com")).isFalse();
    assertThat(WebhookRouter.hostMatches("*.example.com", "badexample.com")).isFalse();
    assertThat(WebhookRouter.hostMatches("h.example.com", "[::1]:80")).isFalse();
  }

  @Test
  void theInboxAdmitsWholeRequestsUpToItsCapacity() {
    Inbox inbox = new Inbox(3);
    Inbox.Responder none =
        new Inbox.Responder() {
          @Override
          public void stored() {}

          @Override
          public void lost(String reason) {}
        };
    List<FlowRecord> two = List.of(FlowRecord.empty(), FlowRecord.empty());
    assertThat(inbox.available()).isNotDone();
    assertThat(inbox.offer(new Inbox.Accepted(two, none))).isTrue();
    assertThat(inbox.available()).isDone();
    assertThat(inbox.offer(new Inbox.Accepted(two, none))).isFalse();
    assertThat(inbox.held()).isEqualTo(2);
    assertThat(inbox.drain(10)).hasSize(1);
    assertThat(inbox.offer(new Inbox.Accepted(two, none))).isFalse();
    inbox.release(2);
    assertThat(inbox.offer(new Inbox.Accepted(two, none))).isTrue();
    assertThat(inbox.close()).hasSize(1);
    assertThat(inbox.offer(new Inbox.Accepted(List.of(FlowRecord.empty()), none))).isFalse();
  }

  @Test
  void requestsAdmittedInOneEventLoopRoundShareOneWakeUpOfTheReader() {
    Inbox inbox = new Inbox(10);
    Inbox.Responder none =
        new Inbox.Responder() {
          @Override
          public void stored() {}

          @Override
          public void lost(String reason) {}
        };
    List<Runnable> loop = new java.util.ArrayList<>();
    java.util.concurrent.CompletableFuture<Void> waiting = inbox.available();
    for (int i = 0; i < 3; i++) {
      assertThat(inbox.offer(new Inbox.Accepted(List.of(FlowRecord.empty()), none), loop::add))
          .isTrue();
    }
    assertThat(loop).hasSize(1);
    assertThat(waiting).isNotDone();
    assertThat(inbox.held()).isEqualTo(3);
    loop.get(0).run();
    assertThat(waiting).isDone();
    assertThat(inbox.drain(10)).hasSize(3);
    waiting = inbox.available();
    assertThat(waiting).isNotDone();
    assertThat(inbox.offer(new Inbox.Accepted(List.of(FlowRecord.empty()), none), loop::add))
        .isTrue();
    assertThat(loop).hasSize(2);
    loop.get(1).run();
    assertThat(waiting).isDone();
  }

  @Test
  void theAcceptedBodyIsTheJsonJacksonWouldWrite() throws Exception {
    for (boolean array : new boolean[] {false, true}) {
      String[] ids =
          array ? new String[] {"8f3a2b-1", "8f3a2b-2z", "8f3a2b-10"} : new String[] {"c0ffee-a"};
      io.netty.handler.codec.http.FullHttpResponse r =
          HttpResponses.accepted(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT, ids, array);
      com.fasterxml.jackson.databind.node.ObjectNode want = dev.flow.record.Json.NODES.objectNode();
      want.put("status", "accepted");
      if (array) {
        var a = want.putArray("runIds");
        for (String id : ids) {
          a.add(id);
        }
      } else {
        want.put("runId", ids[0]);
      }
      assertThat(r.status().code()).isEqualTo(202);
      assertThat(r.content().toString(java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(dev.flow.record.Json.MAPPER.writeValueAsString(want));
      assertThat(r.headers().getInt("Content-Length")).isEqualTo(r.content().readableBytes());
      assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
      r.release();
    }
  }
}

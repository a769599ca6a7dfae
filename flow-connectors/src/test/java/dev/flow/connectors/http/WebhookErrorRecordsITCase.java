package dev.flow.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.Json;
import dev.flow.spi.FlowSettings;
import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.TestFlows;
import dev.flow.testing.TestFlows.Collect;
import dev.flow.testing.TestFlows.CollectPublisher;
import dev.flow.testing.TestFlows.SetField;
import dev.flow.testing.TestFlows.SetFieldTransform;
import dev.flow.translate.FlowTranslator;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A record that came in by the Webhook and failed a later stage: its error record keeps the body
 * byte for byte and names the request it came in, the client and the time.
 */
class WebhookErrorRecordsITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @Test
  void theErrorRecordKeepsTheBodyAsSentAndTheRequestItCameIn() throws Exception {
    int port = TestFlows.freePort();
    WebhookOptions o =
        WebhookITCase.options(
            port, WebhookOptions.Auth.NONE, null, 1000, 100, WebhookOptions.Ack.RECEIVED);
    var flow =
        new TestFlows.Builder("webhook-errors")
            .settings(FlowSettings.defaults())
            .stage("hook", new WebhookTriggerFactory(), o, "set")
            .stage("set", new SetFieldTransform(), new SetField("seen", "yes", "7"), "out")
            .stage("out", new CollectPublisher(), new Collect("webhook-errors-out"))
            .errors("webhook-errors-errors")
            .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowTranslator.translate(flow, env);
    JobClient job = env.executeAsync("webhook-errors");
    try {
      String base = "http://127.0.0.1:" + port;
      WebhookITCase.waitUntil(
          () -> {
            try {
              return WebhookITCase.get(base + "/health").statusCode() == 200;
            } catch (Exception e) {
              return false;
            }
          },
          "the webhook to listen");
      Instant before = Instant.now().minusSeconds(1);
      // 1e400 does not fit a double and the spacing is not Jackson's: only the raw text is
      // faithful.
      String body = "{ \"id\": 7,  \"amount\": 1e400 }";
      HttpResponse<String> sent = WebhookITCase.post(base + "/orders", body);
      assertThat(sent.statusCode()).isEqualTo(202);
      String runId = Json.MAPPER.readTree(sent.body()).get("runId").asText();
      assertThat(WebhookITCase.post(base + "/orders", "{\"id\":8}").statusCode()).isEqualTo(202);

      WebhookITCase.waitUntil(
          () ->
              !CollectSink.received("webhook-errors-errors").isEmpty()
                  && !CollectSink.received("webhook-errors-out").isEmpty(),
          "an error record and a record");
      assertThat(CollectSink.payloads("webhook-errors-out"))
          .containsExactly("{\"id\":8,\"seen\":\"yes\"}");
      JsonNode e = CollectSink.received("webhook-errors-errors").get(0).asObjectNode();
      assertThat(e.get("stage").asText()).isEqualTo("set");
      assertThat(e.get("error").asText()).isEqualTo("refusing id 7");
      assertThat(e.get("policy").asText()).isEqualTo("ORIGINAL_RECORD");
      assertThat(e.get("record").textValue()).isEqualTo(body);
      assertThat(e.get("recordEncoding").asText()).isEqualTo("utf8");
      JsonNode origin = e.get("origin");
      assertThat(origin.get("requestId").asText()).isEqualTo(runId);
      assertThat(origin.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
      assertThat(Instant.parse(origin.get("receivedAt").asText()))
          .isAfter(before)
          .isBefore(Instant.now().plusSeconds(1));
      assertThat(origin.size()).isEqualTo(3);
    } finally {
      job.cancel().get();
    }
  }
}

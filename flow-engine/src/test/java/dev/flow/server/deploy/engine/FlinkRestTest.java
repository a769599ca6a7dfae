package dev.flow.server.deploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Flink REST client against a real HTTP server that answers after 2 s: a plain request gives up
 * at its timeout and says which call Flink did not answer; a jar run, in which Flink builds the job
 * graph before it answers, waits longer.
 */
class FlinkRestTest {
  private HttpServer slow;
  private String url;

  @BeforeEach
  void start() throws Exception {
    slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slow.createContext(
        "/",
        x -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] b = "{\"jobid\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, b.length);
          x.getResponseBody().write(b);
          x.close();
        });
    slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    slow.start();
    url = "http://127.0.0.1:" + slow.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    slow.stop(0);
  }

  @Test
  void aPlainCallGivesUpAtItsTimeoutAndNamesTheCall() {
    FlinkRest rest = new FlinkRest(url, Duration.ofMillis(500));
    assertThatThrownBy(() -> rest.get("/overview"))
        .isInstanceOf(EngineException.class)
        .hasMessage("Flink at " + url + " did not answer GET /overview within 500 ms");
    assertThatThrownBy(() -> rest.post("/jobs/x/stop", rest.object()))
        .hasMessage("Flink at " + url + " did not answer POST /jobs/x/stop within 500 ms");
  }

  @Test
  void aJarRunWaitsForFlinkToBuildTheJob() throws Exception {
    FlinkRest rest = new FlinkRest(url, Duration.ofMillis(500));
    FlinkRest.Answer a = rest.run("flow-job.jar", rest.object());
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("jobid").asText()).isEqualTo("abc");
  }
}

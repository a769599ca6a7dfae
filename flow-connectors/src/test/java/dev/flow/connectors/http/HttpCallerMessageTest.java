package dev.flow.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A call that gets no answer says why in words, not {@code ConnectException: null}. */
class HttpCallerMessageTest {

  @Test
  void aRefusedConnectionNamesTheAddress() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Throwable thrown =
        catchThrowable(
            () ->
                HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .join());
    Throwable cause = thrown.getCause();
    assertThat(cause).isInstanceOf(java.net.ConnectException.class);
    assertThat(HttpCaller.why(cause, request))
        .isEqualTo("cannot connect to 127.0.0.1:" + port + " (connection refused)");
  }
}

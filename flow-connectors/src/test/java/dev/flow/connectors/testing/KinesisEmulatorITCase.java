package dev.flow.connectors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kinesis emulator starts as a child process, carries records, and stops. */
class KinesisEmulatorITCase {

  @Test
  void startsCarriesRecordsAndStops() throws Exception {
    KinesisEmulator kinesis = new KinesisEmulator();
    kinesis.start();
    try {
      assertThat(kinesis.isRunning()).isTrue();
      kinesis.createStream("smoke", 2);
      kinesis.put("smoke", List.of("a", "b", "c"));
      assertThat(kinesis.readAll("smoke").stream().map(Map.Entry::getValue))
          .containsExactlyInAnyOrder("a", "b", "c");
    } finally {
      kinesis.close();
    }
    assertThat(kinesis.isRunning()).isFalse();
    assertThat(accepts(kinesis.port())).isFalse();
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

package dev.flow.bench.s3;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The limit for S3: the JDK's {@code HttpServer} with TCP_NODELAY, reading and discarding each
 * request body and answering {@code 202} with no body. Nothing a webhook trigger can beat on the
 * same server stack.
 */
public final class BareJdkServer implements WebhookTarget {
  private HttpServer server;

  @Override
  public String name() {
    return "jdk-server";
  }

  @Override
  public URI start() throws Exception {
    // Read once, when the server class initializes; without it Nagle + delayed ACK cap it at ~1k/s.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.createContext(
        "/events",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStreamSink.INSTANCE);
          }
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Discards what is written to it. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}

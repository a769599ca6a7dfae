package dev.flow.server.cli;

import dev.flow.client.FlowClient;
import dev.flow.job.CliRunner;
import dev.flow.server.FlowServer;
import dev.flow.server.testing.Stores;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server for a CLI test class (H2 in a fresh data folder, a free port, its local environment
 * on an embedded Flink), and the {@code flow} command line pointed at it with the first admin
 * token. Register it as a static field with {@code @RegisterExtension}.
 */
final class CliServer implements BeforeAllCallback, AfterAllCallback {
  private FlowServer server;
  private String url;
  private String admin;
  private FlowClient client;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = Stores.start(Stores.freshData(), null);
    url = "http://127.0.0.1:" + server.port();
    admin = server.firstAdminToken().orElseThrow();
    client = FlowClient.builder(url).token(admin).build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }

  FlowServer server() {
    return server;
  }

  String url() {
    return url;
  }

  String admin() {
    return admin;
  }

  FlowClient client() {
    return client;
  }

  /** Runs {@code flow ARGS... --server URL --token ADMIN}. */
  CliRunner.Result flow(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", url, "--token", admin));
    return CliRunner.run(all.toArray(String[]::new));
  }
}

package dev.flow.server.runs;

import dev.flow.server.ServerConfig;
import dev.flow.server.ServerContext;
import dev.flow.server.ServerModule;
import dev.flow.server.api.Routes;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs and error records: the outcomes and failures the server's jobs report (stored, queried,
 * counted, kept within the retention limit), manual runs and replays on the local environment.
 */
public final class RunsModule implements ServerModule {
  private volatile Server jetty;
  private volatile String host;

  @Override
  public void configure(JavalinConfig config, ServerConfig server) {
    host = server.host();
    config.jetty.modifyServer(s -> jetty = s);
  }

  @Override
  public void routes(Routes routes, ServerContext context) {
    RunServices services = RunServices.of(context);
    services.serverUrl(this::url);
    new RunRoutes(context, services).register(routes);
    new ManualRuns(context, services).register(routes);
  }

  /** The server's own address, for jobs that run beside it. */
  private String url() {
    int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    String h = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    return "http://" + h + ":" + port;
  }

  @Override
  public String openApiResource() {
    return "openapi/runs.json";
  }
}

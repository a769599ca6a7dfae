package dev.flow.server;

import dev.flow.server.api.Routes;
import io.javalin.config.JavalinConfig;

/**
 * A part of the server, found with {@link java.util.ServiceLoader} through {@code
 * META-INF/services/dev.flow.server.ServerModule}: deployments, factories and the UI plug in here.
 *
 * <p>A module registers its routes on {@link Routes} with the least role each needs (the server
 * checks the bearer token before the handler runs, and {@link dev.flow.server.api.Auth#principal}
 * tells the handler who calls), adds its tables with Flyway scripts in {@code db/migration}
 * (versions from 100 up), and documents its paths in an OpenAPI fragment that the server merges
 * into {@code /api/v1/openapi.json}.
 */
public interface ServerModule {

  /** Adjusts Javalin before it starts, e.g. to serve static files. */
  default void configure(JavalinConfig config, ServerConfig server) {}

  /** Registers the module's routes. */
  void routes(Routes routes, ServerContext context);

  /**
   * A classpath resource holding an OpenAPI 3 fragment ({@code paths} and {@code
   * components.schemas}) for this module's routes, or null.
   */
  default String openApiResource() {
    return null;
  }

  /** Called when the server stops. */
  default void stop() {}
}

package dev.flow.ui;

import dev.flow.server.ServerConfig;
import dev.flow.server.ServerContext;
import dev.flow.server.ServerModule;
import dev.flow.server.api.Auth;
import dev.flow.server.api.Role;
import dev.flow.server.api.Routes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * Serves the web UI's static files (built into {@code flow-ui/} of this jar) at {@code /} without a
 * token, and tells the UI who its token belongs to, so that it can hide what the role may not do.
 */
public final class UiModule implements ServerModule {

  /** The classpath folder holding index.html, app.js and app.css. */
  static final String FOLDER = "flow-ui";

  @Override
  public void configure(JavalinConfig config, ServerConfig server) {
    if (UiModule.class.getClassLoader().getResource(FOLDER + "/index.html") == null) {
      return;
    }
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = "/" + FOLDER;
          files.location = Location.CLASSPATH;
          files.precompress = false;
          files.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
        });
  }

  @Override
  public void routes(Routes routes, ServerContext context) {
    routes.get(
        "/api/v1/me",
        Role.READ,
        ctx -> {
          var p = Auth.principal(ctx);
          ctx.json(Map.of("name", p.name(), "role", p.role().label()));
        });
  }

  @Override
  public String openApiResource() {
    return FOLDER + "-openapi.json";
  }
}

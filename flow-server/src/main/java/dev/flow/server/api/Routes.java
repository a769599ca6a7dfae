package dev.flow.server.api;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where every module registers its API routes, each with the least role it needs; the routes are
 * recorded so that the OpenAPI document can be checked against them.
 *
 * <p>Paths are Javalin paths relative to the server root, e.g. {@code /api/v1/flows/{id}}. A route
 * without a role needs no token (only {@code /health} and the UI's static files).
 */
public final class Routes {

  /** One registered route. */
  public record Route(String method, String path, Role role) {}

  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  public Routes(Javalin app) {
    this.app = app;
  }

  public Routes get(String path, Role role, Handler h) {
    return add(HandlerType.GET, path, role, h);
  }

  public Routes post(String path, Role role, Handler h) {
    return add(HandlerType.POST, path, role, h);
  }

  public Routes put(String path, Role role, Handler h) {
    return add(HandlerType.PUT, path, role, h);
  }

  public Routes patch(String path, Role role, Handler h) {
    return add(HandlerType.PATCH, path, role, h);
  }

  public Routes delete(String path, Role role, Handler h) {
    return add(HandlerType.DELETE, path, role, h);
  }

  /** A route anyone may call, without a token. */
  public Routes open(HandlerType method, String path, Handler h) {
    routes.add(new Route(method.name(), path, null));
    app.addHttpHandler(method, path, h);
    return this;
  }

  private Routes add(HandlerType method, String path, Role role, Handler h) {
    routes.add(new Route(method.name(), path, role));
    app.addHttpHandler(method, path, h, role);
    return this;
  }

  /** Every route registered so far. */
  public List<Route> all() {
    return Collections.unmodifiableList(routes);
  }
}

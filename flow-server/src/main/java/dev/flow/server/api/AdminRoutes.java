package dev.flow.server.api;

import dev.flow.server.ServerContext;
import dev.flow.server.store.ProjectStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;

/** Health, projects and tokens. */
public final class AdminRoutes {

  record CreateProject(String name, String description) {}

  record CreateToken(String name, String role) {}

  private final ServerContext s;

  private AdminRoutes(ServerContext s) {
    this.s = s;
  }

  public static void register(Routes r, ServerContext s) {
    AdminRoutes a = new AdminRoutes(s);
    r.open(HandlerType.GET, "/health", a::health);
    r.get("/api/v1/projects", Role.READ, a::projects);
    r.post("/api/v1/projects", Role.EDIT, a::createProject);
    r.get("/api/v1/tokens", Role.ADMIN, a::tokens);
    r.post("/api/v1/tokens", Role.ADMIN, a::createToken);
    r.delete("/api/v1/tokens/{name}", Role.ADMIN, a::deleteToken);
  }

  private void health(Context ctx) {
    s.db().tx(c -> c.isValid(2));
    ApiJson.send(ctx, 200, Map.of("status", "ok"));
  }

  private void projects(Context ctx) {
    ApiJson.send(ctx, 200, new FlowRoutes.Items<>(s.db().tx(c -> s.projects().list(c))));
  }

  private void createProject(Context ctx) {
    CreateProject b = ApiJson.body(ctx, CreateProject.class);
    ProjectStore.Project p = s.db().tx(c -> s.projects().create(c, b.name(), b.description()));
    ApiJson.send(ctx, 201, p);
  }

  private void tokens(Context ctx) {
    ApiJson.send(ctx, 200, new FlowRoutes.Items<>(s.tokens().list()));
  }

  private void createToken(Context ctx) {
    CreateToken b = ApiJson.body(ctx, CreateToken.class);
    Role role = Role.parse(b.role());
    if (role == null) {
      throw ApiException.badRequest("'role' must be read, edit or admin, not '" + b.role() + "'");
    }
    ApiJson.send(ctx, 201, s.tokens().create(b.name(), role));
  }

  private void deleteToken(Context ctx) {
    s.tokens().delete(ctx.pathParam("name"));
    ctx.status(204);
  }
}

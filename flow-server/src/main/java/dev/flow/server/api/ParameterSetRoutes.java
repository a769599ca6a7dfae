package dev.flow.server.api;

import dev.flow.server.ServerContext;
import dev.flow.server.store.ParameterSetStore.Param;
import dev.flow.server.store.ParameterSetStore.SetRecord;
import io.javalin.http.Context;
import java.util.Map;

/** Parameter sets: every response masks secrets; a PUT that sends {@code ***} keeps a secret. */
public final class ParameterSetRoutes {

  record SetBody(String name, String description, Map<String, Param> parameters) {}

  private final ServerContext s;

  private ParameterSetRoutes(ServerContext s) {
    this.s = s;
  }

  public static void register(Routes r, ServerContext s) {
    ParameterSetRoutes p = new ParameterSetRoutes(s);
    r.get("/api/v1/parameter-sets", Role.READ, p::list);
    r.post("/api/v1/parameter-sets", Role.EDIT, p::create);
    r.get("/api/v1/parameter-sets/{name}", Role.READ, p::get);
    r.put("/api/v1/parameter-sets/{name}", Role.EDIT, p::update);
    r.delete("/api/v1/parameter-sets/{name}", Role.EDIT, p::delete);
  }

  private void list(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    ApiJson.send(
        ctx,
        200,
        new FlowRoutes.Items<>(
            s.db().tx(c -> s.parameterSets().list(c, project)).stream()
                .map(SetRecord::masked)
                .toList()));
  }

  private void create(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    SetBody b = ApiJson.body(ctx, SetBody.class);
    SetRecord r =
        s.db()
            .tx(
                c ->
                    s.parameterSets()
                        .create(c, project, b.name(), b.description(), b.parameters()));
    ApiJson.send(ctx, 201, r.masked());
  }

  private void get(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    String name = ctx.pathParam("name");
    ApiJson.send(ctx, 200, s.db().tx(c -> s.parameterSets().require(c, project, name)).masked());
  }

  private void update(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    String name = ctx.pathParam("name");
    SetBody b = ApiJson.body(ctx, SetBody.class);
    if (b.name() != null && !b.name().equals(name)) {
      throw ApiException.badRequest(
          "the body names set '" + b.name() + "' but the path names '" + name + "'");
    }
    SetRecord r =
        s.db().tx(c -> s.parameterSets().update(c, project, name, b.description(), b.parameters()));
    ApiJson.send(ctx, 200, r.masked());
  }

  private void delete(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    String name = ctx.pathParam("name");
    s.db()
        .tx(
            c -> {
              s.parameterSets().delete(c, s.flows(), project, name);
              return null;
            });
    ctx.status(204);
  }
}

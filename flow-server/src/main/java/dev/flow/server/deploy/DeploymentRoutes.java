package dev.flow.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.api.Auth;
import dev.flow.server.api.Role;
import dev.flow.server.api.Routes;
import dev.flow.server.store.Database;
import dev.flow.server.store.Names;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/environments} and {@code /api/v1/deployments}. */
final class DeploymentRoutes {
  record NewEnvironment(String name, String kind, Map<String, Object> config) {}

  record NewDeployment(
      String flowId,
      String flow,
      String project,
      String environment,
      Integer version,
      List<String> parameterSets) {}

  record Stop(Boolean savepoint) {}

  record Upgrade(Integer toVersion, Boolean allowStateLoss) {}

  record Rollback(Boolean allowStateLoss) {}

  record Items<T>(List<T> items) {}

  private final ServerContext s;
  private final DeploymentStore store;
  private final Deployments deployments;

  DeploymentRoutes(ServerContext s, DeploymentStore store, Deployments deployments) {
    this.s = s;
    this.store = store;
    this.deployments = deployments;
  }

  void register(Routes r) {
    r.get(
        "/api/v1/environments",
        Role.READ,
        c ->
            ApiJson.send(
                c,
                200,
                new Items<>(s.db().tx(store::environments).stream().map(this::env).toList())));
    r.post("/api/v1/environments", Role.ADMIN, this::createEnvironment);
    r.get(
        "/api/v1/environments/{name}",
        Role.READ,
        c -> ApiJson.send(c, 200, env(deployments.environment(c.pathParam("name")))));
    r.delete("/api/v1/environments/{name}", Role.ADMIN, this::deleteEnvironment);
    r.get("/api/v1/deployments", Role.READ, this::list);
    r.post("/api/v1/deployments", Role.EDIT, this::deploy);
    r.get(
        "/api/v1/deployments/{id}",
        Role.READ,
        c -> ApiJson.send(c, 200, view(deployments.status(c.pathParam("id")))));
    r.post("/api/v1/deployments/{id}/stop", Role.EDIT, this::stop);
    r.post("/api/v1/deployments/{id}/upgrade", Role.EDIT, this::upgrade);
    r.post("/api/v1/deployments/{id}/rollback", Role.EDIT, this::rollback);
    r.get(
        "/api/v1/deployments/{id}/history",
        Role.READ,
        c -> ApiJson.send(c, 200, new Items<>(deployments.history(c.pathParam("id")))));
  }

  private void createEnvironment(Context ctx) {
    NewEnvironment b = ApiJson.body(ctx, NewEnvironment.class);
    if (b.name() == null || b.kind() == null) {
      throw ApiException.badRequest("'name' and 'kind' are required");
    }
    String name = Names.flow(b.name());
    JsonNode config = ApiJson.MAPPER.valueToTree(b.config() == null ? Map.of() : b.config());
    Engines.check(b.kind(), config);
    var e = new DeploymentStore.Environment(name, b.kind(), config.toString(), Database.now());
    s.db()
        .tx(
            c -> {
              if (store.environment(c, name).isPresent()) {
                throw ApiException.conflict("environment " + name + " exists");
              }
              store.createEnvironment(c, e);
              return null;
            });
    ApiJson.send(ctx, 201, env(e));
  }

  private void deleteEnvironment(Context ctx) {
    String name = ctx.pathParam("name");
    if ("local".equals(name)) {
      throw ApiException.conflict("the local environment cannot be deleted");
    }
    boolean used =
        s.db().tx(c -> store.deployments(c, null)).stream()
            .anyMatch(d -> d.environment().equals(name));
    if (used) {
      throw ApiException.conflict("environment " + name + " has deployments");
    }
    if (!s.db().tx(c -> store.deleteEnvironment(c, name))) {
      throw ApiException.notFound("no environment " + name);
    }
    ctx.status(204);
  }

  private void list(Context ctx) {
    String flow = ctx.queryParam("flowId");
    ApiJson.send(ctx, 200, new Items<>(s.db().tx(c -> store.deployments(c, flow))));
  }

  private void deploy(Context ctx) {
    NewDeployment b = ApiJson.body(ctx, NewDeployment.class);
    String flowId = b.flowId();
    if (flowId == null) {
      if (b.flow() == null) {
        throw ApiException.badRequest("'flowId' or 'flow' (a name) is required");
      }
      String project = b.project() == null ? "default" : b.project();
      flowId =
          s.db()
              .tx(c -> s.flows().byName(c, project, b.flow()))
              .orElseThrow(
                  () -> ApiException.notFound("no flow " + b.flow() + " in project " + project))
              .id();
    }
    String env = b.environment() == null ? "local" : b.environment();
    var d = deployments.deploy(flowId, env, b.version(), b.parameterSets(), actor(ctx));
    ApiJson.send(ctx, 201, d);
  }

  private void stop(Context ctx) {
    byte[] raw = ApiJson.bytes(ctx, ApiJson.MAX_JSON_BYTES);
    Stop b = raw.length == 0 ? new Stop(false) : ApiJson.parse(raw, Stop.class);
    ApiJson.send(
        ctx,
        200,
        deployments.stop(ctx.pathParam("id"), Boolean.TRUE.equals(b.savepoint()), actor(ctx)));
  }

  private void upgrade(Context ctx) {
    Upgrade b = ApiJson.body(ctx, Upgrade.class);
    if (b.toVersion() == null) {
      throw ApiException.badRequest("'toVersion' is required");
    }
    ApiJson.send(
        ctx,
        200,
        deployments.upgrade(
            ctx.pathParam("id"),
            b.toVersion(),
            Boolean.TRUE.equals(b.allowStateLoss()),
            actor(ctx),
            "upgrade"));
  }

  private void rollback(Context ctx) {
    byte[] raw = ApiJson.bytes(ctx, ApiJson.MAX_JSON_BYTES);
    Rollback b = raw.length == 0 ? new Rollback(false) : ApiJson.parse(raw, Rollback.class);
    ApiJson.send(
        ctx,
        200,
        deployments.rollback(
            ctx.pathParam("id"), Boolean.TRUE.equals(b.allowStateLoss()), actor(ctx)));
  }

  private static String actor(Context ctx) {
    return Auth.principal(ctx).name();
  }

  private ObjectNode env(DeploymentStore.Environment e) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode().put("name", e.name()).put("kind", e.kind());
    try {
      n.set("config", ApiJson.MAPPER.readTree(e.config()));
    } catch (Exception ex) {
      n.putObject("config");
    }
    n.put("createdAt", e.createdAt().toString());
    return n;
  }

  private ObjectNode view(Deployments.View v) {
    ObjectNode n = ApiJson.MAPPER.valueToTree(v.deployment());
    if (v.live() != null) {
      ObjectNode live = n.putObject("engine");
      live.put("state", v.live().state().name());
      live.put("flinkState", v.live().flinkState());
      live.put("jobId", v.live().ref().jobId());
      live.put("restarts", v.live().restarts());
      live.put("rootCause", v.live().rootCause());
      live.put("webUrl", v.live().webUrl());
    }
    return n;
  }
}

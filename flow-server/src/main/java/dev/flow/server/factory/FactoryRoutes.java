package dev.flow.server.factory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.factory.ValidatedFactory;
import dev.flow.job.graph.FactoryPicture;
import dev.flow.job.graph.FactorySvg;
import dev.flow.server.FlowServer;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.api.Auth;
import dev.flow.server.api.FlowRoutes;
import dev.flow.server.api.ProblemJson;
import dev.flow.server.api.Role;
import dev.flow.server.api.Routes;
import dev.flow.server.factory.FactoryStore.FactoryRecord;
import dev.flow.server.factory.FactoryStore.Version;
import dev.flow.server.store.Names;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The factories of the catalog, their versions, validation, graph, deploy and stop. */
final class FactoryRoutes {

  record CreateFactory(
      String yaml,
      Map<String, String> flows,
      Map<String, String> parameterSets,
      String description,
      String message) {}

  record UpdateFactory(
      Integer baseVersion,
      String yaml,
      Map<String, String> flows,
      Map<String, String> parameterSets,
      String description,
      String message) {}

  record Deploy(String environment, List<String> parameterSets, Integer version) {}

  record Stop(Boolean savepoint) {}

  record Upgrade(Integer version, Boolean allowStateLoss) {}

  record Items<T>(List<T> items) {}

  private final ServerContext s;
  private final FactoryStore store = new FactoryStore();
  private final FactoryCatalog catalog;
  private final FactoryPush push;
  private final FactoryDeployer deployer;

  FactoryRoutes(ServerContext s) {
    this.s = s;
    this.catalog = new FactoryCatalog(s, store);
    this.push = new FactoryPush(s, store, catalog);
    this.deployer = new FactoryDeployer(s, store, catalog);
  }

  void register(Routes r) {
    r.get("/api/v1/factories", Role.READ, this::list);
    r.post("/api/v1/factories", Role.EDIT, this::create);
    r.get("/api/v1/factories/by-name/{name}", Role.READ, this::byName);
    r.get("/api/v1/factories/{id}", Role.READ, this::get);
    r.put("/api/v1/factories/{id}", Role.EDIT, this::update);
    r.delete("/api/v1/factories/{id}", Role.EDIT, this::delete);
    r.get("/api/v1/factories/{id}/versions", Role.READ, this::versions);
    r.get("/api/v1/factories/{id}/versions/{n}", Role.READ, this::version);
    r.post("/api/v1/factories/{id}/validate", Role.READ, this::validate);
    r.get("/api/v1/factories/{id}/graph", Role.READ, this::graph);
    r.post("/api/v1/factories/{id}/deploy", Role.EDIT, this::deploy);
    r.get("/api/v1/factories/{id}/deployments", Role.READ, this::deployments);
    r.get("/api/v1/factory-deployments/{id}", Role.READ, this::status);
    r.post("/api/v1/factory-deployments/{id}/stop", Role.EDIT, this::stop);
    r.post("/api/v1/factory-deployments/{id}/upgrade", Role.EDIT, this::upgrade);
  }

  private void list(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    ApiJson.send(ctx, 200, new Items<>(s.db().tx(c -> store.list(c, project))));
  }

  private void create(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    String author = Auth.principal(ctx).name();
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (type.startsWith("application/zip")) {
      String message = Names.text(ctx.queryParam("message"), "message", 4000);
      byte[] zip = ApiJson.bytes(ctx, (int) FlowServer.MAX_BODY);
      FactoryPush.Pushed p = push.push(project, zip, author, message);
      ctx.header("Location", "/api/v1/factories/" + p.factory().id());
      ApiJson.send(ctx, p.created() ? 201 : 200, p.factory());
      return;
    }
    CreateFactory b = ApiJson.body(ctx, CreateFactory.class);
    String yaml = FlowRoutes.yaml(b.yaml());
    FactoryRecord f =
        s.db()
            .tx(
                c ->
                    catalog.create(
                        c,
                        project,
                        catalog.resolve(c, project, yaml, map(b.flows()), map(b.parameterSets())),
                        Names.text(b.description(), "description", 4000),
                        author,
                        Names.text(b.message(), "message", 4000)));
    ctx.header("Location", "/api/v1/factories/" + f.id());
    ApiJson.send(ctx, 201, f);
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    ApiJson.send(ctx, 200, s.db().tx(c -> store.require(c, id)));
  }

  private void byName(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    String name = ctx.pathParam("name");
    FactoryRecord f =
        s.db()
            .tx(c -> store.byName(c, project, name))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no factory named '" + name + "' in project '" + project + "'"));
    ApiJson.send(ctx, 200, f);
  }

  private void update(Context ctx) {
    String id = ctx.pathParam("id");
    UpdateFactory b = ApiJson.body(ctx, UpdateFactory.class);
    if (b.baseVersion() == null) {
      throw ApiException.badRequest("'baseVersion' is required");
    }
    String author = Auth.principal(ctx).name();
    FactoryRecord f =
        s.db()
            .tx(
                c -> {
                  FactoryRecord cur = store.require(c, id);
                  String yaml = b.yaml() == null ? cur.yaml() : FlowRoutes.yaml(b.yaml());
                  Map<String, String> flows = b.flows() == null ? pathsOf(cur) : b.flows();
                  Map<String, String> sets =
                      b.parameterSets() == null ? cur.parameterSets() : b.parameterSets();
                  return catalog.update(
                      c,
                      id,
                      b.baseVersion(),
                      catalog.resolve(c, cur.project(), yaml, flows, sets),
                      Names.text(b.description(), "description", 4000),
                      author,
                      Names.text(b.message(), "message", 4000));
                });
    ApiJson.send(ctx, 200, f);
  }

  /** The path entries of the current version, mapped to the flows they are pinned to. */
  private static Map<String, String> pathsOf(FactoryRecord f) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    f.members().forEach(x -> m.put(x.entry(), x.flow()));
    return m;
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    boolean running = deployer.list(id).stream().anyMatch(d -> "RUNNING".equals(d.state()));
    if (running) {
      throw ApiException.conflict("factory " + id + " is deployed; stop it first");
    }
    s.db()
        .tx(
            c -> {
              store.delete(c, id);
              return null;
            });
    ctx.status(204);
  }

  private void versions(Context ctx) {
    String id = ctx.pathParam("id");
    ApiJson.send(
        ctx,
        200,
        new Items<>(
            s.db()
                .tx(
                    c -> {
                      store.require(c, id);
                      return store.versions(c, id, false);
                    })));
  }

  private void version(Context ctx) {
    String id = ctx.pathParam("id");
    int n = number(ctx.pathParam("n"), "version");
    ApiJson.send(ctx, 200, s.db().tx(c -> store.version(c, id, n)));
  }

  private Version versionOf(Context ctx, String id) {
    String q = ctx.queryParam("version");
    return s.db()
        .tx(
            c -> {
              FactoryRecord f = store.require(c, id);
              return store.version(c, id, q == null ? f.version() : number(q, "version"));
            });
  }

  private void validate(Context ctx) {
    String id = ctx.pathParam("id");
    Version v = versionOf(ctx, id);
    FactoryRecord f = s.db().tx(c -> store.require(c, id));
    ObjectNode o =
        s.db()
            .tx(
                c -> {
                  try (FactoryFolder folder =
                      catalog.folder(c, f.project(), v.yaml(), v.members(), v.parameterSets())) {
                    ValidatedFactory vf = folder.validate();
                    ObjectNode out = ApiJson.MAPPER.createObjectNode();
                    out.put("valid", !vf.hasErrors());
                    out.put("version", v.version());
                    out.set("problems", ProblemJson.problems(folder.problems(vf)));
                    var order = out.putArray("order");
                    vf.order().forEach(i -> order.add(vf.flows().get(i).name()));
                    return out;
                  }
                });
    ApiJson.send(ctx, 200, o);
  }

  private void graph(Context ctx) {
    String id = ctx.pathParam("id");
    boolean stages = "true".equals(ctx.queryParam("stages"));
    Version v = versionOf(ctx, id);
    FactoryRecord f = s.db().tx(c -> store.require(c, id));
    ObjectNode o =
        s.db()
            .tx(
                c -> {
                  try (FactoryFolder folder =
                      catalog.folder(c, f.project(), v.yaml(), v.members(), v.parameterSets())) {
                    ValidatedFactory vf = folder.validate();
                    ObjectNode out = ApiJson.MAPPER.createObjectNode();
                    out.put("version", v.version());
                    out.put("svg", FactorySvg.render(FactoryPicture.of(vf, stages)));
                    out.set("problems", ProblemJson.problems(folder.problems(vf)));
                    return out;
                  }
                });
    ApiJson.send(ctx, 200, o);
  }

  private void deploy(Context ctx) {
    String id = ctx.pathParam("id");
    Deploy b = ApiJson.body(ctx, Deploy.class);
    String env = b.environment() == null ? "local" : b.environment();
    ApiJson.send(
        ctx,
        201,
        deployer.deploy(id, env, b.version(), b.parameterSets(), Auth.principal(ctx).name()));
  }

  private void deployments(Context ctx) {
    ApiJson.send(ctx, 200, new Items<>(deployer.list(ctx.pathParam("id"))));
  }

  private void status(Context ctx) {
    ApiJson.send(ctx, 200, deployer.status(ctx.pathParam("id")));
  }

  private void stop(Context ctx) {
    byte[] raw = ApiJson.bytes(ctx, ApiJson.MAX_JSON_BYTES);
    Stop b = raw.length == 0 ? new Stop(false) : ApiJson.parse(raw, Stop.class);
    boolean savepoint = Boolean.TRUE.equals(b.savepoint());
    ApiJson.send(
        ctx, 200, deployer.stop(ctx.pathParam("id"), savepoint, Auth.principal(ctx).name()));
  }

  private void upgrade(Context ctx) {
    Upgrade b = ApiJson.parse(ApiJson.bytes(ctx, ApiJson.MAX_JSON_BYTES), Upgrade.class);
    if (b.version() == null) {
      throw ApiException.badRequest("'version' is required: the factory version to upgrade to");
    }
    ApiJson.send(
        ctx,
        200,
        deployer.upgrade(
            ctx.pathParam("id"),
            b.version(),
            Boolean.TRUE.equals(b.allowStateLoss()),
            Auth.principal(ctx).name()));
  }

  private static Map<String, String> map(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }

  private static int number(String v, String what) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'" + what + "' must be an integer, not '" + v + "'");
    }
  }
}

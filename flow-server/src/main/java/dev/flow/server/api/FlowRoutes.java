package dev.flow.server.api;

import dev.flow.parse.YamlReader;
import dev.flow.server.ServerContext;
import dev.flow.server.engine.FlowEngine;
import dev.flow.server.store.Database;
import dev.flow.server.store.FlowStore;
import dev.flow.server.store.Names;
import dev.flow.server.store.StoredFlow;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The flows of the catalog: create, list, get, update, duplicate, delete and versions. */
public final class FlowRoutes {

  record CreateFlow(
      String yaml,
      String name,
      String description,
      Map<String, String> labels,
      List<String> parameterSets,
      String message) {}

  record UpdateFlow(
      Integer baseVersion,
      String yaml,
      String description,
      Map<String, String> labels,
      List<String> parameterSets,
      String message) {}

  record DuplicateFlow(String name, String description) {}

  record Items<T>(List<T> items) {}

  private final ServerContext s;

  private FlowRoutes(ServerContext s) {
    this.s = s;
  }

  public static void register(Routes r, ServerContext s) {
    FlowRoutes f = new FlowRoutes(s);
    r.get("/api/v1/flows", Role.READ, f::list);
    r.post("/api/v1/flows", Role.EDIT, f::create);
    r.get("/api/v1/flows/by-name/{name}", Role.READ, f::byName);
    r.get("/api/v1/flows/{id}", Role.READ, f::get);
    r.put("/api/v1/flows/{id}", Role.EDIT, f::update);
    r.delete("/api/v1/flows/{id}", Role.EDIT, f::delete);
    r.post("/api/v1/flows/{id}/duplicate", Role.EDIT, f::duplicate);
    r.get("/api/v1/flows/{id}/versions", Role.READ, f::versions);
    r.get("/api/v1/flows/{id}/versions/{n}", Role.READ, f::version);
  }

  /** The {@code project} query parameter, checked to exist; {@code default} when absent. */
  public static String project(ServerContext s, Context ctx) {
    String p = ctx.queryParam("project");
    return s.db().tx(c -> s.projects().require(c, p));
  }

  /** A non-negative integer query parameter, or {@code dflt}. */
  static int intParam(Context ctx, String name, int dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "'" + name + "' must be a non-negative integer, not '" + v + "'");
    }
  }

  /** The YAML of a request: required, at most the parser's limit. */
  public static String yaml(String yaml) {
    if (yaml == null) {
      throw ApiException.badRequest("'yaml' is required");
    }
    int max = YamlReader.Limits.defaults().maxBytes();
    if (yaml.length() > max) {
      throw ApiException.tooLarge("the YAML is larger than " + max + " bytes");
    }
    return yaml;
  }

  private void list(Context ctx) {
    String project = project(s, ctx);
    int page = intParam(ctx, "page", 0);
    int size = intParam(ctx, "size", 50);
    if (size < 1 || size > 500) {
      throw ApiException.badRequest("'size' must be 1 to 500, not " + size);
    }
    FlowStore.Query q =
        new FlowStore.Query(
            project, ctx.queryParam("name"), ctx.queryParams("label"), ctx.queryParam("q"));
    FlowStore.Page p = s.db().tx(c -> s.flows().list(c, q, page, size));
    ApiJson.send(ctx, 200, p);
  }

  private void create(Context ctx) {
    CreateFlow b = ApiJson.body(ctx, CreateFlow.class);
    String project = project(s, ctx);
    String yaml = yaml(b.yaml());
    String name = Names.flow(b.name() != null ? b.name() : FlowEngine.nameOf(yaml));
    FlowStore.NewFlow nf =
        new FlowStore.NewFlow(
            project,
            name,
            Names.text(b.description(), "description", 4000),
            Names.labels(b.labels()),
            b.parameterSets() == null ? List.of() : b.parameterSets());
    FlowStore.NewVersion v =
        new FlowStore.NewVersion(
            yaml,
            Auth.principal(ctx).name(),
            Names.text(b.message(), "message", 4000),
            Database.now());
    StoredFlow f = s.db().tx(c -> s.flows().create(c, nf, List.of(v)));
    ctx.header("Location", "/api/v1/flows/" + f.id());
    ApiJson.send(ctx, 201, f);
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    ApiJson.send(ctx, 200, s.db().tx(c -> s.flows().require(c, id)));
  }

  private void byName(Context ctx) {
    String project = project(s, ctx);
    String name = ctx.pathParam("name");
    StoredFlow f =
        s.db()
            .tx(c -> s.flows().byName(c, project, name))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no flow named '" + name + "' in project '" + project + "'"));
    ApiJson.send(ctx, 200, f);
  }

  private void update(Context ctx) {
    String id = ctx.pathParam("id");
    UpdateFlow b = ApiJson.body(ctx, UpdateFlow.class);
    if (b.baseVersion() == null) {
      throw ApiException.badRequest(
          "'baseVersion' is required: the version your change is based on");
    }
    String author = Auth.principal(ctx).name();
    StoredFlow f =
        s.db()
            .tx(
                c -> {
                  StoredFlow cur = s.flows().require(c, id);
                  String yaml = b.yaml() == null ? cur.yaml() : yaml(b.yaml());
                  FlowStore.NewVersion v =
                      new FlowStore.NewVersion(
                          yaml, author, Names.text(b.message(), "message", 4000), Database.now());
                  return s.flows()
                      .update(
                          c,
                          id,
                          b.baseVersion(),
                          v,
                          b.description() == null
                              ? null
                              : Names.text(b.description(), "description", 4000),
                          b.labels() == null ? null : Names.labels(b.labels()),
                          b.parameterSets());
                });
    ApiJson.send(ctx, 200, f);
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    s.db()
        .tx(
            c -> {
              s.flows().delete(c, id);
              return null;
            });
    ctx.status(204);
  }

  private void duplicate(Context ctx) {
    String id = ctx.pathParam("id");
    DuplicateFlow b = ApiJson.body(ctx, DuplicateFlow.class);
    String name = Names.flow(b.name());
    String author = Auth.principal(ctx).name();
    StoredFlow f =
        s.db()
            .tx(
                c -> {
                  StoredFlow src = s.flows().require(c, id);
                  FlowStore.NewFlow nf =
                      new FlowStore.NewFlow(
                          src.project(),
                          name,
                          b.description() == null
                              ? src.description()
                              : Names.text(b.description(), "description", 4000),
                          src.labels(),
                          src.parameterSets());
                  FlowStore.NewVersion v =
                      new FlowStore.NewVersion(
                          src.yaml(),
                          author,
                          "duplicated from '" + src.name() + "' version " + src.version(),
                          Database.now());
                  return s.flows().create(c, nf, List.of(v));
                });
    ctx.header("Location", "/api/v1/flows/" + f.id());
    ApiJson.send(ctx, 201, f);
  }

  private void versions(Context ctx) {
    String id = ctx.pathParam("id");
    ApiJson.send(ctx, 200, new Items<>(s.db().tx(c -> s.flows().versions(c, id, false))));
  }

  private void version(Context ctx) {
    String id = ctx.pathParam("id");
    int n = pathInt(ctx, "n");
    ApiJson.send(ctx, 200, s.db().tx(c -> s.flows().version(c, id, n)));
  }

  static int pathInt(Context ctx, String name) {
    String v = ctx.pathParam(name);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'" + name + "' must be a version number, not '" + v + "'");
    }
  }
}

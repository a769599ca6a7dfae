package dev.flow.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.parse.ParameterSets;
import dev.flow.server.ServerContext;
import dev.flow.server.store.StoredFlow;
import dev.flow.validate.ValidatedFlow;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Validate, preview, graph and diff: the CLI's own code over stored flows, with their parameter
 * sets resolved; side-effect free, so the read role may call them.
 */
public final class ToolRoutes {

  record ValidateFlow(String yaml) {}

  record ValidateText(String yaml, List<String> parameterSets) {}

  record PreviewBody(
      List<JsonNode> records,
      Map<String, List<JsonNode>> input,
      Long limit,
      Integer timeoutSeconds,
      String yaml) {}

  /** A flow's text and the sets it resolves from. */
  record Source(String yaml, ParameterSets sets) {}

  private final ServerContext s;

  private ToolRoutes(ServerContext s) {
    this.s = s;
  }

  public static void register(Routes r, ServerContext s) {
    ToolRoutes t = new ToolRoutes(s);
    r.post("/api/v1/validate", Role.READ, t::validateText);
    r.post("/api/v1/flows/{id}/validate", Role.READ, t::validateFlow);
    r.post("/api/v1/flows/{id}/preview", Role.READ, t::preview);
    r.get("/api/v1/flows/{id}/graph", Role.READ, t::graph);
    r.get("/api/v1/flows/{id}/diff", Role.READ, t::diff);
  }

  /** The stored flow's text (or {@code yaml} instead, when given) and its sets. */
  private Source source(String id, String yaml, Integer version) {
    return s.db()
        .tx(
            c -> {
              StoredFlow f = s.flows().require(c, id);
              String text =
                  yaml != null
                      ? FlowRoutes.yaml(yaml)
                      : version != null ? s.flows().version(c, id, version).yaml() : f.yaml();
              return new Source(text, s.parameterSets().resolve(c, f.project(), f.parameterSets()));
            });
  }

  private void validateText(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    ValidateText b = ApiJson.body(ctx, ValidateText.class);
    String yaml = FlowRoutes.yaml(b.yaml());
    List<String> names = b.parameterSets() == null ? List.of() : b.parameterSets();
    ParameterSets sets = s.db().tx(c -> s.parameterSets().resolve(c, project, names));
    ApiJson.send(ctx, 200, s.engine().validation(s.engine().validate(yaml, sets)));
  }

  private void validateFlow(Context ctx) {
    String id = ctx.pathParam("id");
    byte[] raw = ApiJson.bytes(ctx, ApiJson.MAX_JSON_BYTES);
    String yaml = null;
    if (raw.length > 0) {
      yaml = ApiJson.parse(raw, ValidateFlow.class).yaml();
    }
    Source src = source(id, yaml, null);
    ApiJson.send(ctx, 200, s.engine().validation(s.engine().validate(src.yaml(), src.sets())));
  }

  private void preview(Context ctx) {
    String id = ctx.pathParam("id");
    byte[] raw = ApiJson.bytes(ctx, ApiJson.MAX_JSON_BYTES);
    PreviewBody b =
        raw.length == 0
            ? new PreviewBody(null, null, null, null, null)
            : ApiJson.parse(raw, PreviewBody.class);
    Source src = source(id, b.yaml(), null);
    ValidatedFlow v = s.engine().validate(src.yaml(), src.sets());
    JsonNode result = s.engine().preview(v, b.records(), b.input(), b.limit(), b.timeoutSeconds());
    ApiJson.send(ctx, 200, result);
  }

  private void graph(Context ctx) {
    String id = ctx.pathParam("id");
    String version = ctx.queryParam("version");
    Integer n = version == null ? null : FlowRoutes.intParam(ctx, "version", 0);
    Source src = source(id, null, n);
    ApiJson.send(ctx, 200, s.engine().graph(s.engine().validate(src.yaml(), src.sets())));
  }

  private void diff(Context ctx) {
    String id = ctx.pathParam("id");
    if (ctx.queryParam("from") == null || ctx.queryParam("to") == null) {
      throw ApiException.badRequest("give the versions to compare: ?from=N&to=M");
    }
    int from = FlowRoutes.intParam(ctx, "from", 0);
    int to = FlowRoutes.intParam(ctx, "to", 0);
    Source a = source(id, null, from);
    Source b = source(id, null, to);
    ApiJson.send(ctx, 200, s.engine().diff(from, a.yaml(), to, b.yaml(), b.sets()));
  }
}

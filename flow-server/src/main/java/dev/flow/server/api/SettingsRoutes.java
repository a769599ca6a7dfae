package dev.flow.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.ServerContext;
import dev.flow.server.settings.SettingsEditor;
import dev.flow.server.settings.SettingsView;
import dev.flow.server.store.Database;
import dev.flow.server.store.FlowStore;
import dev.flow.server.store.Names;
import dev.flow.server.store.StoredFlow;
import dev.flow.validate.ValidatedFlow;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flow's configuration as a flat dictionary of settings; a change writes a new version whose YAML
 * has the settings edited in place and is checked by the validator.
 */
public final class SettingsRoutes {

  record Configuration(int baseVersion, Map<String, String> settings) {}

  record Change(Integer baseVersion, Map<String, JsonNode> set, String message) {}

  private final ServerContext s;

  private SettingsRoutes(ServerContext s) {
    this.s = s;
  }

  public static void register(Routes r, ServerContext s) {
    SettingsRoutes c = new SettingsRoutes(s);
    r.get("/api/v1/flows/{id}/configuration", Role.READ, c::get);
    r.patch("/api/v1/flows/{id}/configuration", Role.EDIT, c::change);
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    StoredFlow f = s.db().tx(c -> s.flows().require(c, id));
    ApiJson.send(ctx, 200, new Configuration(f.version(), SettingsView.of(f.yaml())));
  }

  private void change(Context ctx) {
    String id = ctx.pathParam("id");
    Change b = ApiJson.body(ctx, Change.class);
    if (b.baseVersion() == null) {
      throw ApiException.badRequest(
          "'baseVersion' is required: the version your change is based on");
    }
    if (b.set() == null || b.set().isEmpty()) {
      throw ApiException.badRequest("'set' needs at least one setting");
    }
    Map<String, Object> changes = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : b.set().entrySet()) {
      String top = e.getKey().split("\\.", 2)[0];
      if (!SettingsView.topLevel().contains(top)) {
        throw ApiException.badRequest(
            "unknown setting '"
                + e.getKey()
                + "'; settings start with one of: "
                + String.join(", ", SettingsView.topLevel()));
      }
      JsonNode v = e.getValue();
      if (v != null && !v.isNull() && !v.isValueNode()) {
        throw ApiException.badRequest(
            "setting '" + e.getKey() + "' takes a string, number, boolean or null");
      }
      changes.put(
          e.getKey(),
          v == null || v.isNull()
              ? null
              : v.isNumber() ? v.numberValue() : v.isBoolean() ? v.booleanValue() : v.asText());
    }
    String author = Auth.principal(ctx).name();
    StoredFlow f =
        s.db()
            .tx(
                c -> {
                  StoredFlow cur = s.flows().require(c, id);
                  String edited = SettingsEditor.apply(cur.yaml(), new LinkedHashMap<>(changes));
                  var sets = s.parameterSets().resolve(c, cur.project(), cur.parameterSets());
                  ValidatedFlow after = s.engine().validate(edited, sets);
                  if (after.hasErrors() && !s.engine().validate(cur.yaml(), sets).hasErrors()) {
                    throw ApiException.invalid(
                        "the settings make the flow invalid; nothing was changed",
                        after.problems());
                  }
                  String message =
                      b.message() == null
                          ? "set " + String.join(", ", changes.keySet())
                          : Names.text(b.message(), "message", 4000);
                  return s.flows()
                      .update(
                          c,
                          id,
                          b.baseVersion(),
                          new FlowStore.NewVersion(edited, author, message, Database.now()),
                          null,
                          null,
                          null);
                });
    ApiJson.send(ctx, 200, f);
  }
}

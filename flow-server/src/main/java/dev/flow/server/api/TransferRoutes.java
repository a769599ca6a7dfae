package dev.flow.server.api;

import dev.flow.server.FlowServer;
import dev.flow.server.ServerContext;
import dev.flow.server.transfer.Exporter;
import dev.flow.server.transfer.Importer;
import io.javalin.http.Context;
import java.util.Locale;

/** Export to and import from zip files. */
public final class TransferRoutes {
  private final ServerContext s;

  private TransferRoutes(ServerContext s) {
    this.s = s;
  }

  public static void register(Routes r, ServerContext s) {
    TransferRoutes t = new TransferRoutes(s);
    r.get("/api/v1/export", Role.READ, t::export);
    r.post("/api/v1/import", Role.EDIT, t::importZip);
  }

  private void export(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    boolean plain = "true".equals(ctx.queryParam("plainSecrets"));
    if (plain && !Auth.principal(ctx).role().allows(Role.ADMIN)) {
      throw new ApiException(
          403,
          "forbidden",
          "Forbidden",
          "only an admin token may export secrets in plain text",
          null);
    }
    byte[] zip = new Exporter(s).export(project, ctx.queryParams("flow"), plain);
    ctx.status(200)
        .contentType("application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + project + "-flows.zip\"")
        .result(zip);
  }

  private void importZip(Context ctx) {
    String project = FlowRoutes.project(s, ctx);
    String mode = ctx.queryParam("conflictResolution");
    Importer.Conflict conflict;
    try {
      conflict = Importer.Conflict.valueOf((mode == null ? "skip" : mode).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "'conflictResolution' must be skip, replace or rename, not '" + mode + "'");
    }
    byte[] zip = ApiJson.bytes(ctx, (int) FlowServer.MAX_BODY);
    ApiJson.send(ctx, 200, new Importer(s).run(project, zip, conflict, Auth.principal(ctx).name()));
  }
}

package dev.flow.server;

import dev.flow.server.api.AdminRoutes;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.Auth;
import dev.flow.server.api.FlowRoutes;
import dev.flow.server.api.OpenApi;
import dev.flow.server.api.ParameterSetRoutes;
import dev.flow.server.api.ProblemJson;
import dev.flow.server.api.Routes;
import dev.flow.server.api.SettingsRoutes;
import dev.flow.server.api.ToolRoutes;
import dev.flow.server.api.TransferRoutes;
import dev.flow.server.auth.SecretBox;
import dev.flow.server.auth.Tokens;
import dev.flow.server.engine.FlowEngine;
import dev.flow.server.store.Database;
import dev.flow.server.store.FlowStore;
import dev.flow.server.store.ParameterSetStore;
import dev.flow.server.store.ProjectStore;
import dev.flow.server.store.SecretsKeyCheck;
import dev.flow.server.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flow server: the catalog's store, the REST API under {@code /api/v1} on Javalin, and the
 * modules found on the classpath ({@link ServerModule}).
 */
public final class FlowServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlowServer.class);

  /** The largest request body the HTTP layer accepts: a zip of 100 MiB. */
  public static final long MAX_BODY = 100L << 20;

  private final Javalin app;
  private final ServerContext context;
  private final Routes routes;
  private final List<ServerModule> modules;
  private final String firstAdminToken;

  private FlowServer(
      Javalin app,
      ServerContext context,
      Routes routes,
      List<ServerModule> modules,
      String firstAdminToken) {
    this.app = app;
    this.context = context;
    this.routes = routes;
    this.modules = modules;
    this.firstAdminToken = firstAdminToken;
  }

  /** Opens the store (migrating it), creates the first admin token if needed, and listens. */
  public static FlowServer start(ServerConfig config) throws IOException {
    Files.createDirectories(config.data());
    SecretBox box = SecretBox.load(config.secretKey(), config.data());
    Database db = Database.open(config.dbUrl(), config.data());
    try {
      SecretsKeyCheck.verify(db, box);
      Tokens tokens = new Tokens(db);
      ServerContext ctx =
          new ServerContext(
              config,
              db,
              tokens,
              box,
              new ProjectStore(),
              new FlowStore(),
              new ParameterSetStore(box),
              new FlowEngine());
      List<ServerModule> modules = new ArrayList<>();
      ServiceLoader.load(ServerModule.class).forEach(modules::add);
      Javalin app =
          Javalin.create(
              cfg -> {
                cfg.showJavalinBanner = false;
                cfg.http.maxRequestSize = MAX_BODY;
                cfg.http.prefer405over404 = true;
                cfg.router.ignoreTrailingSlashes = true;
                cfg.useVirtualThreads = false;
                // One line per request: method, path and status; never bodies or query strings.
                cfg.requestLogger.http(
                    (c, ms) ->
                        LOG.info(
                            "{} {} {} {}ms", c.method(), c.path(), c.statusCode(), ms.longValue()));
                modules.forEach(m -> m.configure(cfg, config));
              });
      Routes routes = new Routes(app);
      app.beforeMatched(c -> Auth.check(c, tokens));
      app.exception(ApiException.class, (e, c) -> ProblemJson.send(c, e));
      app.exception(
          HttpResponseException.class,
          (e, c) ->
              ProblemJson.send(
                  c,
                  new ApiException(
                      e.getStatus(),
                      "http-" + e.getStatus(),
                      title(e.getStatus()),
                      e.getMessage(),
                      null)));
      app.exception(
          StoreException.class,
          (e, c) -> {
            if (e.conflict()) {
              ProblemJson.send(
                  c,
                  ApiException.conflict("the change conflicts with the catalog's current state"));
            } else {
              LOG.error("store failure on {} {}", c.method(), c.path(), e);
              ProblemJson.send(
                  c, new ApiException(500, "internal", "Internal error", "a store failure", null));
            }
          });
      app.exception(
          Exception.class,
          (e, c) -> {
            LOG.error("failure on {} {}", c.method(), c.path(), e);
            ProblemJson.send(
                c, new ApiException(500, "internal", "Internal error", "an internal error", null));
          });
      app.error(
          404,
          c -> {
            if (c.result() == null) {
              ProblemJson.send(
                  c, ApiException.notFound("no such endpoint: " + c.method() + " " + c.path()));
            }
          });
      AdminRoutes.register(routes, ctx);
      FlowRoutes.register(routes, ctx);
      ToolRoutes.register(routes, ctx);
      SettingsRoutes.register(routes, ctx);
      ParameterSetRoutes.register(routes, ctx);
      TransferRoutes.register(routes, ctx);
      modules.forEach(m -> m.routes(routes, ctx));
      OpenApi.register(routes, modules);
      Optional<String> admin = tokens.createFirstAdmin();
      app.start(config.host(), config.port());
      return new FlowServer(app, ctx, routes, modules, admin.orElse(null));
    } catch (RuntimeException | Error e) {
      db.close();
      throw e;
    }
  }

  private static String kind(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "too-large";
      default -> "http-" + status;
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      default -> "HTTP " + status;
    };
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The admin token created at this start (the first start of a store), or empty. */
  public Optional<String> firstAdminToken() {
    return Optional.ofNullable(firstAdminToken);
  }

  public ServerContext context() {
    return context;
  }

  /** Every route registered, by the server and its modules. */
  public List<Routes.Route> routes() {
    return routes.all();
  }

  @Override
  public void close() {
    app.stop();
    modules.forEach(ServerModule::stop);
    context.db().close();
  }
}

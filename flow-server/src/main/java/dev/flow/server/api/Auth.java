package dev.flow.server.api;

import dev.flow.server.auth.Tokens;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;

/** Checks the bearer token of a request against the role its route needs. */
public final class Auth {
  private static final String PRINCIPAL = "flow.principal";

  private Auth() {}

  /** Runs before each matched route: 401 without a valid token, 403 with too small a role. */
  public static void check(Context ctx, Tokens tokens) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) {
      return;
    }
    Role needed = (Role) roles.iterator().next();
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(
          401,
          "unauthorized",
          "Unauthorized",
          "this endpoint needs a token: send 'Authorization: Bearer TOKEN'",
          null);
    }
    Tokens.Principal p =
        tokens
            .authenticate(header.substring(7).strip())
            .orElseThrow(
                () -> {
                  ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                  return new ApiException(
                      401, "unauthorized", "Unauthorized", "the token is not valid", null);
                });
    if (!p.role().allows(needed)) {
      throw new ApiException(
          403,
          "forbidden",
          "Forbidden",
          "token '"
              + p.name()
              + "' has the role "
              + p.role().label()
              + "; this needs "
              + needed.label(),
          null);
    }
    ctx.attribute(PRINCIPAL, p);
  }

  /** Who calls the current route. */
  public static Tokens.Principal principal(Context ctx) {
    Tokens.Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("the route has no role, so no caller");
    }
    return p;
  }
}

package dev.flow.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.client.model.ApiToken;
import dev.flow.client.model.TokenRole;
import java.util.List;
import java.util.Map;

/** The server's tokens (admin only): list them, create one (shown once), revoke one. */
public final class TokensApi {
  private static final String TOKENS = "/api/v1/tokens";

  private final ApiTransport http;

  TokensApi(ApiTransport http) {
    this.http = http;
  }

  /** The tokens by name and role, never their secret. */
  public List<ApiToken> list() {
    return ApiTransport.items(http.get(TOKENS, null, JsonNode.class), ApiToken.class);
  }

  /** A new token; its {@code token} is the only time the secret is shown. */
  public ApiToken create(String name, TokenRole role) {
    return http.send(
        "POST", TOKENS, null, Map.of("name", name, "role", role.name()), ApiToken.class);
  }

  public void delete(String name) {
    http.sendNoContent("DELETE", TOKENS + "/" + Query.encode(name), null, null);
  }
}

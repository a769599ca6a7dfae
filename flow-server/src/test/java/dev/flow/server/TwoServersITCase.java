package dev.flow.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.server.testing.Api;
import dev.flow.server.testing.Stores;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two servers on one PostgreSQL behave as one: edits, conflicts and tokens are shared. */
class TwoServersITCase {

  @Test
  void anEditThroughOneIsSeenThroughTheOther() throws Exception {
    String url = Stores.freshPostgres();
    try (FlowServer one = Stores.start(Stores.freshData(), url);
        FlowServer two = Stores.start(Stores.freshData(), url)) {
      assertThat(one.firstAdminToken()).isPresent();
      assertThat(two.firstAdminToken()).isEmpty();
      String token = one.firstAdminToken().get();
      Api a = new Api("http://127.0.0.1:" + one.port(), token);
      Api b = new Api("http://127.0.0.1:" + two.port(), token);
      String id =
          a.post("/api/v1/flows", Map.of("yaml", ServerBase.QUICKSTART)).json().get("id").asText();
      assertThat(b.get("/api/v1/flows/" + id).json().get("version").asInt()).isEqualTo(1);
      assertThat(
              b.put("/api/v1/flows/" + id, Map.of("baseVersion", 1, "description", "via two"))
                  .status())
          .isEqualTo(200);
      assertThat(a.get("/api/v1/flows/" + id).json().get("description").asText())
          .isEqualTo("via two");
      assertThat(
              a.put("/api/v1/flows/" + id, Map.of("baseVersion", 1, "description", "late"))
                  .status())
          .isEqualTo(409);
      String reader =
          a.post("/api/v1/tokens", Map.of("name", "r", "role", "read"))
              .json()
              .get("token")
              .asText();
      assertThat(b.as(reader).get("/api/v1/flows").status()).isEqualTo(200);
      a.delete("/api/v1/tokens/r");
      assertThat(b.as(reader).get("/api/v1/flows").status()).isEqualTo(401);
    }
  }

  @Test
  void anotherSecretsKeyIsRefused() throws Exception {
    String url = Stores.freshPostgres();
    try (FlowServer one = Stores.start(Stores.freshData(), url)) {
      String other = java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  FlowServer.start(
                      new ServerConfig("127.0.0.1", 0, Stores.freshData(), url, other)))
          .hasMessageStartingWith(
              "the secrets key is not the one this store's secrets were encrypted with");
      assertThat(one.port()).isPositive();
    }
  }
}

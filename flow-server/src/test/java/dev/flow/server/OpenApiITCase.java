package dev.flow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.server.testing.Api;
import dev.flow.server.testing.Stores;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served by the server against the routes really registered: every route is
 * documented with the role it needs, and every documented operation is routed.
 */
class OpenApiITCase {

  @Test
  void theDocumentMatchesTheRoutes() throws Exception {
    try (FlowServer server = Stores.start(Stores.freshData(), null)) {
      Api api =
          new Api("http://127.0.0.1:" + server.port(), server.firstAdminToken().orElseThrow());
      assertThat(api.as(null).get("/api/v1/openapi.json").status()).isEqualTo(401);
      JsonNode doc = api.get("/api/v1/openapi.json").json();
      assertThat(doc.get("openapi").asText()).startsWith("3.");
      TreeSet<String> documented = new TreeSet<>();
      TreeSet<String> roles = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext(); ) {
        Map.Entry<String, JsonNode> path = p.next();
        for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
          Map.Entry<String, JsonNode> op = o.next();
          String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
          documented.add(key);
          assertThat(op.getValue().get("responses").size()).as(key).isPositive();
          assertThat(op.getValue().get("operationId").asText()).as(key).isNotEmpty();
          roles.add(key + " " + op.getValue().path("x-flow-role").asText("none"));
          assertRefsResolve(doc, op.getValue(), key);
        }
      }
      TreeSet<String> routed = new TreeSet<>();
      TreeSet<String> routedRoles = new TreeSet<>();
      for (var r : server.routes()) {
        routed.add(r.method() + " " + r.path());
        routedRoles.add(
            r.method() + " " + r.path() + " " + (r.role() == null ? "none" : r.role().label()));
      }
      assertThat(documented).isEqualTo(routed);
      assertThat(roles).isEqualTo(routedRoles);
    }
  }

  private static void assertRefsResolve(JsonNode doc, JsonNode node, String where) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        String name = ref.asText().substring("#/components/schemas/".length());
        assertThat(doc.get("components").get("schemas").has(name)).as(where + " " + ref).isTrue();
      }
      node.elements().forEachRemaining(n -> assertRefsResolve(doc, n, where));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> assertRefsResolve(doc, n, where));
    }
  }
}

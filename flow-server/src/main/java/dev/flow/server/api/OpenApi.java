package dev.flow.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.server.ServerModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3 document of the API: the server's own ({@code openapi/flow-server.json}) with the
 * paths and schemas of each module's fragment merged in, served at {@code /api/v1/openapi.json}.
 */
public final class OpenApi {
  public static final String BASE = "openapi/flow-server.json";

  private OpenApi() {}

  public static void register(Routes r, List<ServerModule> modules) {
    ObjectNode doc = document(modules);
    byte[] bytes = doc.toPrettyString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    r.get(
        "/api/v1/openapi.json",
        Role.READ,
        ctx -> ctx.contentType("application/json").result(bytes));
  }

  /** The merged document. */
  public static ObjectNode document(List<ServerModule> modules) {
    ObjectNode doc = (ObjectNode) read(BASE);
    for (ServerModule m : modules) {
      if (m.openApiResource() != null) {
        JsonNode frag = read(m.openApiResource());
        merge((ObjectNode) doc.with("paths"), frag.path("paths"));
        merge(
            (ObjectNode) doc.with("components").with("schemas"),
            frag.path("components").path("schemas"));
      }
    }
    return doc;
  }

  private static void merge(ObjectNode into, JsonNode from) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      into.set(e.getKey(), e.getValue());
    }
  }

  private static JsonNode read(String resource) {
    try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no OpenAPI resource " + resource + " on the classpath");
      }
      return ApiJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.flow.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.model.Problem;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Located problems as JSON, and RFC 9457 problem documents ({@code application/problem+json}). */
public final class ProblemJson {
  private ProblemJson() {}

  /** Problems as {@code [{"file","line","column","stage","severity","message",...}]}. */
  public static ArrayNode problems(List<Problem> problems) {
    ArrayNode arr = ApiJson.MAPPER.createArrayNode();
    for (Problem p : problems) {
      ObjectNode o = arr.addObject();
      o.put("file", p.location().file());
      o.put("line", p.location().line());
      o.put("column", p.location().column());
      if (p.stage() != null) {
        o.put("stage", p.stage());
      }
      if (p.action() != null) {
        o.put("action", p.action());
      }
      o.put("severity", p.severity().label());
      o.put("message", p.message());
      if (p.hint() != null) {
        o.put("hint", p.hint());
      }
    }
    return arr;
  }

  /** The problem document of {@code e}. */
  public static ObjectNode document(ApiException e) {
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("type", "https://flow.dev/problems/" + e.kind());
    o.put("title", e.title());
    o.put("status", e.status());
    if (e.getMessage() != null) {
      o.put("detail", e.getMessage());
    }
    if (!e.problems().isEmpty()) {
      o.set("problems", problems(e.problems()));
    }
    for (Map.Entry<String, Object> x : e.extra().entrySet()) {
      o.set(x.getKey(), ApiJson.MAPPER.valueToTree(x.getValue()));
    }
    return o;
  }

  /** Answers with the problem document of {@code e}. */
  public static void send(Context ctx, ApiException e) {
    ctx.status(e.status()).contentType("application/problem+json").result(document(e).toString());
  }
}

package dev.flow.server.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.server.ServerContext;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.api.Role;
import dev.flow.server.api.Routes;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routes of runs and error records: queries, statistics, deletion, and the ingest endpoints the
 * jobs report to with their deployment-scoped tokens.
 */
final class RunRoutes {
  private static final int MAX_INGEST = 10 << 20;

  private final ServerContext s;
  private final RunServices services;
  private final RunStore store;

  RunRoutes(ServerContext s, RunServices services) {
    this.s = s;
    this.services = services;
    this.store = services.store();
  }

  void register(Routes r) {
    r.get("/api/v1/runs", Role.READ, this::runs);
    r.get("/api/v1/runs/stats", Role.READ, this::stats);
    r.get("/api/v1/runs/{runId}", Role.READ, this::run);
    r.get("/api/v1/error-records", Role.READ, this::errors);
    r.get("/api/v1/error-records/{id}", Role.READ, this::error);
    r.delete("/api/v1/error-records", Role.EDIT, this::deleteErrors);
    r.open(HandlerType.POST, "/api/v1/ingest/{deploymentId}/runs", c -> ingest(c, true));
    r.open(HandlerType.POST, "/api/v1/ingest/{deploymentId}/errors", c -> ingest(c, false));
  }

  private void runs(Context c) {
    RunStore.Filter f = filter(c);
    int page = intParam(c, "page", 0, 0, Integer.MAX_VALUE);
    int size = intParam(c, "size", 50, 1, 500);
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    ArrayNode items = o.putArray("items");
    long total =
        s.db()
            .tx(
                x -> {
                  store.runs(x, f, page, size).forEach(items::add);
                  return store.countRuns(x, f);
                });
    send(c, o.put("page", page).put("size", size).put("total", total));
  }

  private void run(Context c) {
    String id = c.pathParam("runId");
    send(c, s.db().tx(x -> store.run(x, id)).orElseThrow(() -> notFound("no run " + id)));
  }

  private void stats(Context c) {
    RunStore.Filter f = filter(c);
    List<Object[]> facts = s.db().tx(x -> store.runFacts(x, f));
    Map<String, List<Object[]>> byFlow = new TreeMap<>();
    facts.forEach(r -> byFlow.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r));
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    ArrayNode flows = o.putArray("flows");
    byFlow.forEach(
        (flow, rows) -> {
          long[] d = rows.stream().mapToLong(r -> (Long) r[2]).sorted().toArray();
          long errors = rows.stream().filter(r -> "error".equals(r[1])).count();
          ObjectNode n = flows.addObject();
          n.put("flow", flow).put("runs", rows.size());
          n.put("success", rows.size() - errors).put("error", errors);
          ObjectNode dur = n.putObject("durationMs");
          dur.put("avg", Math.round(java.util.Arrays.stream(d).average().orElse(0)));
          dur.put("p50", percentile(d, 50));
          dur.put("p95", percentile(d, 95));
          dur.put("max", d[d.length - 1]);
          n.put("lastRun", rows.get(rows.size() - 1)[3].toString());
        });
    send(c, o);
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private void errors(Context c) {
    RunStore.Filter f = filter(c);
    int page = intParam(c, "page", 0, 0, Integer.MAX_VALUE);
    int size = intParam(c, "size", 50, 1, 500);
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    ArrayNode items = o.putArray("items");
    long total =
        s.db()
            .tx(
                x -> {
                  store.errors(x, f, page, size).forEach(e -> items.add(visible(e)));
                  return store.countErrors(x, f);
                });
    send(c, o.put("page", page).put("size", size).put("total", total));
  }

  private void error(Context c) {
    long id;
    try {
      id = Long.parseLong(c.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "an error record id is a number, not '" + c.pathParam("id") + "'");
    }
    send(
        c,
        visible(
            s.db()
                .tx(x -> store.error(x, id))
                .orElseThrow(() -> notFound("no error record " + id))));
  }

  private void deleteErrors(Context c) {
    String flow = c.queryParam("flow");
    if (flow == null || flow.isBlank()) {
      throw ApiException.badRequest("'flow' is required: the flow whose error records to delete");
    }
    String stage = blankToNull(c.queryParam("stage"));
    int n = s.db().tx(x -> store.deleteErrors(x, flow, stage));
    send(c, ApiJson.MAPPER.createObjectNode().put("deleted", n));
  }

  /** Takes the JSON lines a job reports, once its token is checked against the path. */
  private void ingest(Context c, boolean runs) {
    String target = c.pathParam("deploymentId");
    String header = c.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(
          401, "unauthorized", "Unauthorized", "ingest needs the job's token", null);
    }
    String hash = RunServices.hash(header.substring(7).strip());
    RunStore.Ingest who =
        s.db()
            .tx(x -> store.ingest(x, hash, target))
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "the token is not valid for " + target,
                        null));
    byte[] body = ApiJson.bytes(c, MAX_INGEST);
    List<JsonNode> lines = new ArrayList<>();
    int n = 0;
    for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        lines.add(ApiJson.MAPPER.readTree(line));
      } catch (Exception e) {
        throw ApiException.badRequest("line " + n + " is not JSON");
      }
    }
    int accepted =
        s.db()
            .tx(
                x -> {
                  int k = 0;
                  for (JsonNode j : lines) {
                    if (runs) {
                      if (j.path("job").asBoolean(false)) {
                        continue; // the bounded job's summary; its runs come one by one
                      }
                      checkRun(j);
                      store.upsertRun(x, who, j);
                      k++;
                    } else if (store.insertError(x, who, key(who, j), j)) {
                      k++;
                    }
                  }
                  if (!runs) {
                    store.retain(
                        x,
                        who.flowName(),
                        s.config().errorRetentionRecords(),
                        Instant.now().minus(Duration.ofDays(s.config().errorRetentionDays())));
                  }
                  return k;
                });
    send(c, ApiJson.MAPPER.createObjectNode().put("accepted", accepted));
  }

  private static void checkRun(JsonNode j) {
    for (String f : List.of("runId", "status", "start", "end")) {
      if (!j.path(f).isTextual()) {
        throw ApiException.badRequest("a run outcome needs '" + f + "'");
      }
    }
    try {
      Instant.parse(j.path("start").asText());
      Instant.parse(j.path("end").asText());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("a run outcome's start and end are ISO instants");
    }
  }

  /**
   * A key made from what an error record says, but not when it was made, so that the same failure
   * reported again after a restore from a checkpoint is stored once.
   */
  static String key(RunStore.Ingest who, JsonNode e) {
    String text =
        String.join(
            "\u0000",
            who.flowId(),
            String.valueOf(who.version()),
            e.path("stage").asText(""),
            e.path("action").asText(""),
            e.path("runId").asText(""),
            e.path("error").asText(""),
            e.path("policy").asText(""),
            String.valueOf(e.get("record")));
    try {
      return HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static ObjectNode visible(ObjectNode e) {
    ObjectNode v = e.deepCopy();
    v.remove("flowId");
    return v;
  }

  private static RunStore.Filter filter(Context c) {
    String status = blankToNull(c.queryParam("status"));
    if (status != null && !status.equals("success") && !status.equals("error")) {
      throw ApiException.badRequest("'status' must be success or error, not '" + status + "'");
    }
    return new RunStore.Filter(
        blankToNull(c.queryParam("flow")),
        blankToNull(c.queryParam("deployment")),
        status,
        blankToNull(c.queryParam("stage")),
        blankToNull(c.queryParam("runId")),
        time(c, "from"),
        time(c, "to"));
  }

  private static Instant time(Context c, String name) {
    String v = blankToNull(c.queryParam(name));
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "'" + name + "' must be an ISO instant such as 2026-01-31T12:00:00Z, not '" + v + "'");
    }
  }

  static int intParam(Context c, String name, int dflt, int min, int max) {
    String v = c.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "'"
              + name
              + "' must be an integer from "
              + min
              + (max == Integer.MAX_VALUE ? " up" : " to " + max)
              + ", not '"
              + v
              + "'");
    }
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }

  private static ApiException notFound(String d) {
    return ApiException.notFound(d);
  }

  private static void send(Context c, Object o) {
    ApiJson.send(c, 200, o);
  }
}

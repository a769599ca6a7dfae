package dev.flow.server.runs;

import static dev.flow.server.store.Database.instant;
import static dev.flow.server.store.Database.ts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.server.api.ApiJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The run outcomes and error records in the store, and the tokens jobs report with. */
final class RunStore {

  /** Who reports with a token: the job of a deployment or of a manual run. */
  record Ingest(
      String target,
      String flowId,
      String flowName,
      int version,
      String environment,
      String deploymentId,
      boolean manual) {}

  /** A filter of runs or error records; null fields match everything. */
  record Filter(
      String flow,
      String deployment,
      String status,
      String stage,
      String runId,
      Instant from,
      Instant to) {}

  void issue(Connection c, String tokenHash, Ingest i) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into run_ingest (token_hash, target, flow_id, flow_name, version, environment,"
                + " deployment_id, manual, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, tokenHash);
      st.setString(2, i.target());
      st.setString(3, i.flowId());
      st.setString(4, i.flowName());
      st.setInt(5, i.version());
      st.setString(6, i.environment());
      st.setString(7, i.deploymentId());
      st.setBoolean(8, i.manual());
      st.setObject(9, ts(Instant.now()));
      st.executeUpdate();
    }
  }

  Optional<Ingest> ingest(Connection c, String tokenHash, String target) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("select * from run_ingest where token_hash = ? and target = ?")) {
      st.setString(1, tokenHash);
      st.setString(2, target);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Ingest(
                rs.getString("target"),
                rs.getString("flow_id"),
                rs.getString("flow_name"),
                rs.getInt("version"),
                rs.getString("environment"),
                rs.getString("deployment_id"),
                rs.getBoolean("manual")));
      }
    }
  }

  /** Stores a run outcome, replacing the one with the same run id (a report sent again). */
  void upsertRun(Connection c, Ingest i, JsonNode o) throws SQLException {
    String runId = o.path("runId").asText();
    try (PreparedStatement del = c.prepareStatement("delete from runs where run_id = ?")) {
      del.setString(1, runId);
      del.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into runs (run_id, flow_id, flow_name, deployment_id, version, environment,"
                + " manual, status, trigger_stage, started_at, ended_at, duration_ms, published,"
                + " errors, failed_stage, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)")) {
      st.setString(1, runId);
      st.setString(2, i.flowId());
      st.setString(3, i.flowName());
      st.setString(4, i.deploymentId());
      st.setInt(5, i.version());
      st.setString(6, i.environment());
      st.setBoolean(7, i.manual());
      st.setString(8, "error".equals(o.path("status").asText()) ? "error" : "success");
      st.setString(9, o.path("trigger").asText(null));
      st.setObject(10, ts(Instant.parse(o.path("start").asText())));
      st.setObject(11, ts(Instant.parse(o.path("end").asText())));
      st.setLong(12, o.path("durationMs").asLong());
      st.setLong(13, o.path("published").asLong());
      st.setLong(14, o.path("errors").asLong());
      st.setString(15, o.path("failedStage").asText(null));
      st.setString(16, o.path("error").asText(null));
      st.executeUpdate();
    }
  }

  /** Stores an error record unless one with the same key is there; true when it was new. */
  boolean insertError(Connection c, Ingest i, String key, JsonNode e) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("select 1 from error_records where dedup_key = ?")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    JsonNode record = e.get("record");
    boolean utf8 = "utf8".equals(e.path("recordEncoding").asText());
    boolean b64 = "base64".equals(e.path("recordEncoding").asText());
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into error_records (dedup_key, flow_id, flow_name, deployment_id, version,"
                + " stage, action, error, at, run_id, policy, record, bytes) values (?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, key);
      st.setString(2, i.flowId());
      st.setString(3, i.flowName());
      st.setString(4, i.deploymentId());
      st.setInt(5, i.version());
      st.setString(6, e.path("stage").asText(null));
      st.setString(7, e.path("action").asText(null));
      st.setString(8, e.path("error").asText(null));
      Instant at;
      try {
        at = Instant.parse(e.path("timestamp").asText());
      } catch (RuntimeException bad) {
        at = Instant.now();
      }
      st.setObject(9, ts(at));
      st.setString(10, e.path("runId").asText(null));
      st.setString(11, e.path("policy").asText(null));
      if (record != null && !record.isNull() && !utf8 && !b64) {
        st.setString(12, record.toString());
        st.setNull(13, Types.VARCHAR);
      } else {
        st.setNull(12, Types.VARCHAR);
        st.setString(
            13,
            record == null
                ? null
                : b64
                    ? record.asText()
                    : java.util.Base64.getEncoder()
                        .encodeToString(
                            record.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      st.executeUpdate();
    }
    return true;
  }

  /** Keeps at most {@code max} error records of a flow, none older than {@code oldest}. */
  int retain(Connection c, String flowName, int max, Instant oldest) throws SQLException {
    int n;
    try (PreparedStatement st =
        c.prepareStatement("delete from error_records where flow_name = ? and at < ?")) {
      st.setString(1, flowName);
      st.setObject(2, ts(oldest));
      n = st.executeUpdate();
    }
    long cut = -1;
    try (PreparedStatement st =
        c.prepareStatement(
            "select id from error_records where flow_name = ? order by id desc"
                + " offset ? rows fetch next 1 rows only")) {
      st.setString(1, flowName);
      st.setInt(2, max - 1);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          cut = rs.getLong(1);
        }
      }
    }
    if (cut >= 0) {
      try (PreparedStatement st =
          c.prepareStatement("delete from error_records where flow_name = ? and id < ?")) {
        st.setString(1, flowName);
        st.setLong(2, cut);
        n += st.executeUpdate();
      }
    }
    return n;
  }

  List<ObjectNode> runs(Connection c, Filter f, int page, int size) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = runWhere(f, args);
    return page(c, "runs", where, args, "started_at desc, run_id desc", page, size, RunStore::run);
  }

  long countRuns(Connection c, Filter f) throws SQLException {
    List<Object> args = new ArrayList<>();
    return count(c, "runs", runWhere(f, args), args);
  }

  Optional<ObjectNode> run(Connection c, String runId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("select * from runs where run_id = ?")) {
      st.setString(1, runId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(run(rs)) : Optional.empty();
      }
    }
  }

  /** Per flow: status, duration (ms) and start of every run matching {@code f}, newest last. */
  List<Object[]> runFacts(Connection c, Filter f) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = runWhere(f, args);
    List<Object[]> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select flow_name, status, duration_ms, started_at from runs"
                + where
                + " order by flow_name, started_at")) {
      bind(st, args);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Object[] {
                rs.getString(1), rs.getString(2), rs.getLong(3), instant(rs, "started_at")
              });
        }
      }
    }
    return out;
  }

  List<ObjectNode> errors(Connection c, Filter f, int page, int size) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = errorWhere(f, args);
    return page(c, "error_records", where, args, "id desc", page, size, RunStore::error);
  }

  long countErrors(Connection c, Filter f) throws SQLException {
    List<Object> args = new ArrayList<>();
    return count(c, "error_records", errorWhere(f, args), args);
  }

  Optional<ObjectNode> error(Connection c, long id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("select * from error_records where id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(error(rs)) : Optional.empty();
      }
    }
  }

  int deleteErrors(Connection c, String flow, String stage) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "delete from error_records where flow_name = ?"
                + (stage == null ? "" : " and stage = ?"))) {
      st.setString(1, flow);
      if (stage != null) {
        st.setString(2, stage);
      }
      return st.executeUpdate();
    }
  }

  void markReplayed(Connection c, long id, String runId) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("update error_records set replayed_by = ? where id = ?")) {
      st.setString(1, runId);
      st.setLong(2, id);
      st.executeUpdate();
    }
  }

  /** Reads one row of a result set. */
  private interface Row {
    ObjectNode read(ResultSet rs) throws SQLException;
  }

  /** One page of {@code table}'s rows matching {@code where}, in {@code order}. */
  private static List<ObjectNode> page(
      Connection c,
      String table,
      String where,
      List<Object> args,
      String order,
      int page,
      int size,
      Row row)
      throws SQLException {
    List<ObjectNode> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select * from "
                + table
                + where
                + " order by "
                + order
                + " offset ? rows fetch next ? rows only")) {
      int k = bind(st, args);
      st.setInt(k++, page * size);
      st.setInt(k, size);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
    }
    return out;
  }

  private static long count(Connection c, String table, String where, List<Object> args)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement("select count(*) from " + table + where)) {
      bind(st, args);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String runWhere(Filter f, List<Object> args) {
    StringBuilder w = new StringBuilder();
    and(w, args, "flow_name = ?", f.flow());
    and(w, args, "deployment_id = ?", f.deployment());
    and(w, args, "status = ?", f.status());
    and(w, args, "started_at >= ?", f.from() == null ? null : ts(f.from()));
    and(w, args, "started_at < ?", f.to() == null ? null : ts(f.to()));
    return w.toString();
  }

  private static String errorWhere(Filter f, List<Object> args) {
    StringBuilder w = new StringBuilder();
    and(w, args, "flow_name = ?", f.flow());
    and(w, args, "deployment_id = ?", f.deployment());
    and(w, args, "stage = ?", f.stage());
    and(w, args, "run_id = ?", f.runId());
    return w.toString();
  }

  private static void and(StringBuilder w, List<Object> args, String cond, Object value) {
    if (value != null) {
      w.append(w.length() == 0 ? " where " : " and ").append(cond);
      args.add(value);
    }
  }

  private static int bind(PreparedStatement st, List<Object> args) throws SQLException {
    int k = 1;
    for (Object a : args) {
      st.setObject(k++, a);
    }
    return k;
  }

  private static ObjectNode run(ResultSet rs) throws SQLException {
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("runId", rs.getString("run_id"));
    o.put("flow", rs.getString("flow_name"));
    o.put("flowId", rs.getString("flow_id"));
    o.put("deploymentId", rs.getString("deployment_id"));
    o.put("version", rs.getInt("version"));
    o.put("environment", rs.getString("environment"));
    o.put("manual", rs.getBoolean("manual"));
    o.put("status", rs.getString("status"));
    o.put("trigger", rs.getString("trigger_stage"));
    o.put("start", instant(rs, "started_at").toString());
    o.put("end", instant(rs, "ended_at").toString());
    o.put("durationMs", rs.getLong("duration_ms"));
    o.put("published", rs.getLong("published"));
    o.put("errors", rs.getLong("errors"));
    o.put("failedStage", rs.getString("failed_stage"));
    o.put("error", rs.getString("error"));
    return o;
  }

  private static ObjectNode error(ResultSet rs) throws SQLException {
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("id", rs.getLong("id"));
    o.put("flow", rs.getString("flow_name"));
    o.put("deploymentId", rs.getString("deployment_id"));
    o.put("version", rs.getInt("version"));
    o.put("stage", rs.getString("stage"));
    o.put("action", rs.getString("action"));
    o.put("error", rs.getString("error"));
    o.put("timestamp", instant(rs, "at").toString());
    o.put("runId", rs.getString("run_id"));
    o.put("policy", rs.getString("policy"));
    String record = rs.getString("record");
    try {
      o.set("record", record == null ? null : ApiJson.MAPPER.readTree(record));
    } catch (Exception e) {
      o.putNull("record");
    }
    o.put("bytes", rs.getString("bytes"));
    o.put("replayedBy", rs.getString("replayed_by"));
    o.put("flowId", rs.getString("flow_id"));
    return o;
  }
}

package dev.flow.server.deploy;

import dev.flow.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The environments, deployments and deployment actions tables. */
final class DeploymentStore {

  /** An environment: a name, a kind and the kind's settings as JSON. */
  record Environment(String name, String kind, String config, Instant createdAt) {}

  /** A deployment as recorded: what the server last started and saw. */
  record Deployment(
      String id,
      String flowId,
      String environment,
      String jobName,
      int version,
      Integer previousVersion,
      List<String> parameterSets,
      String jobId,
      String state,
      String rootCause,
      String savepoint,
      Instant createdAt,
      Instant updatedAt) {}

  /** One action in a deployment's history. */
  record Action(
      String action,
      String actor,
      Instant at,
      int version,
      String savepoint,
      String jobId,
      String detail) {}

  List<Environment> environments(Connection c) throws SQLException {
    List<Environment> all = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("select * from environments order by name");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        all.add(env(rs));
      }
    }
    return all;
  }

  Optional<Environment> environment(Connection c, String name) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("select * from environments where name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(env(rs)) : Optional.empty();
      }
    }
  }

  void createEnvironment(Connection c, Environment e) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into environments (name, kind, config, created_at) values (?, ?, ?, ?)")) {
      st.setString(1, e.name());
      st.setString(2, e.kind());
      st.setString(3, e.config());
      st.setObject(4, Database.ts(e.createdAt()));
      st.executeUpdate();
    }
  }

  boolean deleteEnvironment(Connection c, String name) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("delete from environments where name = ?")) {
      st.setString(1, name);
      return st.executeUpdate() > 0;
    }
  }

  List<Deployment> deployments(Connection c, String flowId) throws SQLException {
    String sql =
        flowId == null
            ? "select * from deployments order by created_at"
            : "select * from deployments where flow_id = ? order by created_at";
    List<Deployment> all = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(sql)) {
      if (flowId != null) {
        st.setString(1, flowId);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          all.add(deployment(rs));
        }
      }
    }
    return all;
  }

  Optional<Deployment> deployment(Connection c, String id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("select * from deployments where id = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(deployment(rs)) : Optional.empty();
      }
    }
  }

  Optional<Deployment> byFlowAndEnvironment(Connection c, String flowId, String env)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("select * from deployments where flow_id = ? and environment = ?")) {
      st.setString(1, flowId);
      st.setString(2, env);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(deployment(rs)) : Optional.empty();
      }
    }
  }

  String insert(Connection c, Deployment d) throws SQLException {
    String id = d.id() != null ? d.id() : UUID.randomUUID().toString();
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into deployments (id, flow_id, environment, job_name, version,"
                + " previous_version, parameter_sets, job_id, state, root_cause, savepoint,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, id);
      st.setString(2, d.flowId());
      st.setString(3, d.environment());
      st.setString(4, d.jobName());
      st.setInt(5, d.version());
      st.setObject(6, d.previousVersion());
      st.setString(7, String.join(",", d.parameterSets()));
      st.setString(8, d.jobId());
      st.setString(9, d.state());
      st.setString(10, d.rootCause());
      st.setString(11, d.savepoint());
      st.setObject(12, Database.ts(d.createdAt()));
      st.setObject(13, Database.ts(d.updatedAt()));
      st.executeUpdate();
    }
    return id;
  }

  void update(Connection c, Deployment d) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "update deployments set version = ?, previous_version = ?, parameter_sets = ?,"
                + " job_id = ?, state = ?, root_cause = ?, savepoint = ?, updated_at = ? where id"
                + " = ?")) {
      st.setInt(1, d.version());
      st.setObject(2, d.previousVersion());
      st.setString(3, String.join(",", d.parameterSets()));
      st.setString(4, d.jobId());
      st.setString(5, d.state());
      st.setString(6, d.rootCause());
      st.setString(7, d.savepoint());
      st.setObject(8, Database.ts(Database.now()));
      st.setString(9, d.id());
      st.executeUpdate();
    }
  }

  /**
   * Updates the record to {@code d} only when its state, version and job are still those of {@code
   * before}, in one statement, so that no action that committed in between is written over.
   */
  boolean updateIfUnchanged(Connection c, Deployment d, Deployment before) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "update deployments set job_id = ?, state = ?, root_cause = ?, updated_at = ?"
                + " where id = ? and state = ? and version = ? and job_id is not distinct from ?")) {
      st.setString(1, d.jobId());
      st.setString(2, d.state());
      st.setString(3, d.rootCause());
      st.setObject(4, Database.ts(Database.now()));
      st.setString(5, d.id());
      st.setString(6, before.state());
      st.setInt(7, before.version());
      st.setString(8, before.jobId());
      return st.executeUpdate() == 1;
    }
  }

  void record(Connection c, String deploymentId, Action a) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into deployment_actions (deployment_id, action, actor, at, version, savepoint,"
                + " job_id, detail) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, deploymentId);
      st.setString(2, a.action());
      st.setString(3, a.actor());
      st.setObject(4, Database.ts(a.at()));
      st.setInt(5, a.version());
      st.setString(6, a.savepoint());
      st.setString(7, a.jobId());
      st.setString(
          8,
          a.detail() == null ? null : a.detail().substring(0, Math.min(4000, a.detail().length())));
      st.executeUpdate();
    }
  }

  List<Action> history(Connection c, String deploymentId) throws SQLException {
    List<Action> all = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select * from deployment_actions where deployment_id = ? order by id")) {
      st.setString(1, deploymentId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          all.add(
              new Action(
                  rs.getString("action"),
                  rs.getString("actor"),
                  Database.instant(rs, "at"),
                  rs.getInt("version"),
                  rs.getString("savepoint"),
                  rs.getString("job_id"),
                  rs.getString("detail")));
        }
      }
    }
    return all;
  }

  private static Environment env(ResultSet rs) throws SQLException {
    return new Environment(
        rs.getString("name"),
        rs.getString("kind"),
        rs.getString("config"),
        Database.instant(rs, "created_at"));
  }

  private static Deployment deployment(ResultSet rs) throws SQLException {
    String sets = rs.getString("parameter_sets");
    int prev = rs.getInt("previous_version");
    Integer previous = rs.wasNull() ? null : prev;
    return new Deployment(
        rs.getString("id"),
        rs.getString("flow_id"),
        rs.getString("environment"),
        rs.getString("job_name"),
        rs.getInt("version"),
        previous,
        sets.isEmpty() ? List.of() : Arrays.asList(sets.split(",")),
        rs.getString("job_id"),
        rs.getString("state"),
        rs.getString("root_cause"),
        rs.getString("savepoint"),
        Database.instant(rs, "created_at"),
        Database.instant(rs, "updated_at"));
  }
}

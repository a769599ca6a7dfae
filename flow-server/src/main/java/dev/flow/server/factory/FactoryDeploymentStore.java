package dev.flow.server.factory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.flow.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The factory deployments table: which factory version went where, as which flow deployments. */
final class FactoryDeploymentStore {

  /** One member flow's deployment within a factory deployment. */
  record MemberDeployment(
      String flow, String flowId, int version, String deploymentId, String state) {
    MemberDeployment withState(String s) {
      return new MemberDeployment(flow, flowId, version, deploymentId, s);
    }
  }

  /**
   * A factory deployed to an environment; {@code members} in deploy order (producers first). {@code
   * state}: RUNNING, STOPPED, FAILED (a member failed and the others were rolled back) or PARTIAL
   * (a member failed and some could not be rolled back: {@code detail} names them).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FactoryDeployment(
      String id,
      String factoryId,
      String factory,
      String environment,
      int version,
      List<String> parameterSets,
      List<MemberDeployment> members,
      String state,
      String detail,
      Instant createdAt,
      Instant updatedAt) {
    FactoryDeployment with(List<MemberDeployment> m, String st, String det) {
      return new FactoryDeployment(
          id,
          factoryId,
          factory,
          environment,
          version,
          parameterSets,
          m,
          st,
          det,
          createdAt,
          Database.now());
    }

    FactoryDeployment atVersion(int v, List<MemberDeployment> m, String det) {
      return new FactoryDeployment(
          id,
          factoryId,
          factory,
          environment,
          v,
          parameterSets,
          m,
          state,
          det,
          createdAt,
          Database.now());
    }
  }

  private static final TypeReference<List<MemberDeployment>> MEMBERS = new TypeReference<>() {};
  private static final TypeReference<List<String>> SETS = new TypeReference<>() {};

  FactoryDeployment insert(Connection c, FactoryDeployment d) throws SQLException {
    String id = UUID.randomUUID().toString();
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into factory_deployments (id, factory_id, environment, version,"
                + " parameter_sets, members, state, detail, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, id);
      st.setString(2, d.factoryId());
      st.setString(3, d.environment());
      st.setInt(4, d.version());
      st.setString(5, FactoryStore.write(d.parameterSets()));
      st.setString(6, FactoryStore.write(d.members()));
      st.setString(7, d.state());
      st.setString(8, d.detail());
      st.setObject(9, Database.ts(d.createdAt()));
      st.setObject(10, Database.ts(d.updatedAt()));
      st.executeUpdate();
    }
    return get(c, id).orElseThrow();
  }

  Void update(Connection c, FactoryDeployment d) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "update factory_deployments set version = ?, members = ?, state = ?, detail = ?,"
                + " updated_at = ? where id = ?")) {
      st.setInt(1, d.version());
      st.setString(2, FactoryStore.write(d.members()));
      st.setString(3, d.state());
      st.setString(4, d.detail());
      st.setObject(5, Database.ts(d.updatedAt()));
      st.setString(6, d.id());
      st.executeUpdate();
    }
    return null;
  }

  Optional<FactoryDeployment> get(Connection c, String id) throws SQLException {
    List<FactoryDeployment> l = query(c, "d.id = ?", id);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  List<FactoryDeployment> of(Connection c, String factoryId) throws SQLException {
    return query(c, "d.factory_id = ?", factoryId);
  }

  private List<FactoryDeployment> query(Connection c, String where, String arg)
      throws SQLException {
    List<FactoryDeployment> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select d.*, f.name as factory_name from factory_deployments d join factories f on"
                + " f.id = d.factory_id where "
                + where
                + " order by d.created_at desc, d.id")) {
      st.setString(1, arg);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(
              new FactoryDeployment(
                  rs.getString("id"),
                  rs.getString("factory_id"),
                  rs.getString("factory_name"),
                  rs.getString("environment"),
                  rs.getInt("version"),
                  FactoryStore.json(rs.getString("parameter_sets"), SETS),
                  FactoryStore.json(rs.getString("members"), MEMBERS),
                  rs.getString("state"),
                  rs.getString("detail"),
                  Database.instant(rs, "created_at"),
                  Database.instant(rs, "updated_at")));
        }
      }
    }
    return out;
  }
}

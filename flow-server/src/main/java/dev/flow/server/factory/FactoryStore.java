package dev.flow.server.factory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.flow.server.api.ApiException;
import dev.flow.server.api.ApiJson;
import dev.flow.server.store.Database;
import dev.flow.server.store.StoreException;
import dev.flow.server.store.VersionHead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Factories and their immutable versions in SQL, in the caller's transaction. As with flows, an
 * update is a conditional {@code UPDATE ... WHERE current_version = base} plus an insert under the
 * primary key (factory, version), so of two updates on one base exactly one wins.
 */
public final class FactoryStore {

  /** The store; it keeps no state, so every module may make its own. */
  public FactoryStore() {}

  /** A member flow of a factory version, pinned to one version of the catalog flow. */
  public record Member(String entry, String flow, String flowId, int version) {}

  /** A version's content: the factory file, its pinned members and parameter sets, who and when. */
  public record NewVersion(
      String yaml,
      List<Member> members,
      Map<String, String> parameterSets,
      String author,
      String message,
      Instant createdAt) {}

  /** One immutable version, as the API shows it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Version(
      int version,
      String author,
      String message,
      Instant createdAt,
      List<Member> members,
      Map<String, String> parameterSets,
      String yaml) {}

  /** A factory with its current version's members; {@code yaml} only when asked for one. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FactoryRecord(
      String id,
      String project,
      String name,
      String description,
      int version,
      List<Member> members,
      Map<String, String> parameterSets,
      Instant createdAt,
      Instant updatedAt,
      String yaml) {
    FactoryRecord withoutYaml() {
      return new FactoryRecord(
          id,
          project,
          name,
          description,
          version,
          members,
          parameterSets,
          createdAt,
          updatedAt,
          null);
    }
  }

  private static final TypeReference<List<Member>> MEMBERS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> SETS = new TypeReference<>() {};

  public FactoryRecord create(
      Connection c, String project, String name, String description, List<NewVersion> versions)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into factories (id, project, name, description, current_version, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, id);
      st.setString(2, project);
      st.setString(3, name);
      st.setString(4, description == null ? "" : description);
      st.setInt(5, versions.size());
      st.setObject(6, Database.ts(versions.get(0).createdAt()));
      st.setObject(7, Database.ts(versions.get(versions.size() - 1).createdAt()));
      st.executeUpdate();
    } catch (SQLException e) {
      if (StoreException.isUniqueViolation(e)) {
        throw ApiException.conflict(
            "a factory named '" + name + "' exists in project '" + project + "'");
      }
      throw e;
    }
    for (int i = 0; i < versions.size(); i++) {
      insertVersion(c, id, i + 1, versions.get(i));
    }
    return require(c, id);
  }

  /** Writes version {@code base + 1}; 409 with {@code currentVersion} when the factory moved on. */
  public FactoryRecord update(Connection c, String id, int base, NewVersion v, String description)
      throws SQLException {
    FactoryRecord current = require(c, id);
    String desc = description == null ? current.description() : description;
    if (!VersionHead.advance(
        c, "factories", id, base, v.createdAt(), desc, n -> insertVersion(c, id, n, v))) {
      throw ApiException.conflict(
              "factory "
                  + id
                  + " is at version "
                  + current.version()
                  + ", not "
                  + base
                  + "; reload it and apply the change again")
          .with("currentVersion", current.version());
    }
    return require(c, id);
  }

  Optional<FactoryRecord> get(Connection c, String id) throws SQLException {
    return one(c, "f.id = ?", id);
  }

  public Optional<FactoryRecord> byName(Connection c, String project, String name)
      throws SQLException {
    return one(c, "f.project = ? and f.name = ?", project, name);
  }

  public FactoryRecord require(Connection c, String id) throws SQLException {
    return get(c, id).orElseThrow(() -> ApiException.notFound("no factory " + id));
  }

  public List<FactoryRecord> list(Connection c, String project) throws SQLException {
    List<FactoryRecord> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(SELECT + " where f.project = ? order by f.name")) {
      st.setString(1, project);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs).withoutYaml());
        }
      }
    }
    return out;
  }

  public List<Version> versions(Connection c, String id, boolean withYaml) throws SQLException {
    List<Version> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select * from factory_versions where factory_id = ? order by version")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(readVersion(rs, withYaml));
        }
      }
    }
    return out;
  }

  Version version(Connection c, String id, int n) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("select * from factory_versions where factory_id = ? and version = ?")) {
      st.setString(1, id);
      st.setInt(2, n);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw ApiException.notFound("factory " + id + " has no version " + n);
        }
        return readVersion(rs, true);
      }
    }
  }

  void delete(Connection c, String id) throws SQLException {
    require(c, id);
    for (String sql :
        List.of(
            "delete from factory_deployments where factory_id = ?",
            "delete from factory_versions where factory_id = ?",
            "delete from factories where id = ?")) {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        st.setString(1, id);
        st.executeUpdate();
      }
    }
  }

  /** The factories whose current version has {@code flowId} as a member, by name. */
  List<String> usersOf(Connection c, String flowId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(SELECT)) {
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          FactoryRecord f = read(rs);
          if (f.members().stream().anyMatch(m -> m.flowId().equals(flowId))) {
            out.add(f.name());
          }
        }
      }
    }
    return out;
  }

  private static final String SELECT =
      "select f.id, f.project, f.name, f.description, f.current_version, f.created_at,"
          + " f.updated_at, v.yaml, v.members, v.parameter_sets from factories f join"
          + " factory_versions v on v.factory_id = f.id and v.version = f.current_version";

  private Optional<FactoryRecord> one(Connection c, String where, String... args)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(SELECT + " where " + where)) {
      for (int i = 0; i < args.length; i++) {
        st.setString(i + 1, args[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static FactoryRecord read(ResultSet rs) throws SQLException {
    return new FactoryRecord(
        rs.getString("id"),
        rs.getString("project"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getInt("current_version"),
        json(rs.getString("members"), MEMBERS),
        json(rs.getString("parameter_sets"), SETS),
        Database.instant(rs, "created_at"),
        Database.instant(rs, "updated_at"),
        rs.getString("yaml"));
  }

  private static Version readVersion(ResultSet rs, boolean withYaml) throws SQLException {
    return new Version(
        rs.getInt("version"),
        rs.getString("author"),
        rs.getString("message"),
        Database.instant(rs, "created_at"),
        json(rs.getString("members"), MEMBERS),
        json(rs.getString("parameter_sets"), SETS),
        withYaml ? rs.getString("yaml") : null);
  }

  private static void insertVersion(Connection c, String id, int n, NewVersion v)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into factory_versions (factory_id, version, yaml, members, parameter_sets,"
                + " author, message, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, id);
      st.setInt(2, n);
      st.setString(3, v.yaml());
      st.setString(4, write(v.members()));
      st.setString(5, write(new LinkedHashMap<>(v.parameterSets())));
      st.setString(6, v.author());
      st.setString(7, v.message() == null ? "" : v.message());
      st.setObject(8, Database.ts(v.createdAt()));
      st.executeUpdate();
    }
  }

  static String write(Object o) {
    try {
      return ApiJson.MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T json(String text, TypeReference<T> type) {
    try {
      return ApiJson.MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored factory column is not valid JSON", e);
    }
  }
}

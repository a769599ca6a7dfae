package dev.flow.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flow.parse.ParameterSets;
import dev.flow.server.api.ApiException;
import dev.flow.server.auth.SecretBox;
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
 * Parameter sets of a project. Plain values are stored as they are; a secret's value only as
 * AES-GCM ciphertext, decrypted for validation, preview and plain-text exports, never shown.
 */
public final class ParameterSetStore {
  /** What a secret's value reads as, and what a client sends to keep a stored secret. */
  public static final String MASK = "***";

  /** One parameter: its value (plain text inside the server) and whether it is secret. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Param(String value, Boolean secret) {
    public Param {
      secret = secret != null && secret;
    }

    /** The value as the API shows it: a secret masked. */
    public Param masked() {
      return secret ? new Param(MASK, true) : this;
    }
  }

  /** A set with its parameters, in name order. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SetRecord(
      String name,
      String description,
      Map<String, Param> parameters,
      Instant createdAt,
      Instant updatedAt) {
    /** The set as the API shows it: every secret masked. */
    public SetRecord masked() {
      Map<String, Param> m = new LinkedHashMap<>();
      parameters.forEach((k, v) -> m.put(k, v.masked()));
      return new SetRecord(name, description, m, createdAt, updatedAt);
    }
  }

  private final SecretBox box;

  public ParameterSetStore(SecretBox box) {
    this.box = box;
  }

  /** The ids of the named sets of a project, in the order given; 400 for a missing one. */
  static List<String> idsOf(Connection c, String project, List<String> names) throws SQLException {
    List<String> ids = new ArrayList<>();
    if (names == null) {
      return ids;
    }
    for (String n : names) {
      Optional<String> id = idOf(c, project, n);
      if (id.isEmpty()) {
        throw ApiException.badRequest("no parameter set '" + n + "' in project '" + project + "'");
      }
      if (ids.contains(id.get())) {
        throw ApiException.badRequest("parameter set '" + n + "' is listed twice");
      }
      ids.add(id.get());
    }
    return ids;
  }

  static Optional<String> idOf(Connection c, String project, String name) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("select id from parameter_sets where project = ? and name = ?")) {
      st.setString(1, project);
      st.setString(2, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Every set of a project, secrets decrypted (mask them before showing). */
  public List<SetRecord> list(Connection c, String project) throws SQLException {
    List<SetRecord> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement("select name from parameter_sets where project = ? order by name")) {
      st.setString(1, project);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    for (String n : names) {
      out.add(get(c, project, n).orElseThrow());
    }
    return out;
  }

  /** The set, secrets decrypted, or empty. */
  public Optional<SetRecord> get(Connection c, String project, String name) throws SQLException {
    String id;
    String description;
    Instant created;
    Instant updated;
    try (PreparedStatement st =
        c.prepareStatement(
            "select id, description, created_at, updated_at from parameter_sets"
                + " where project = ? and name = ?")) {
      st.setString(1, project);
      st.setString(2, name);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getString(1);
        description = rs.getString(2);
        created = Database.instant(rs, "created_at");
        updated = Database.instant(rs, "updated_at");
      }
    }
    Map<String, Param> params = new LinkedHashMap<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select name, secret, plain_value, ciphertext from parameters where set_id = ?"
                + " order by name")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String pn = rs.getString(1);
          boolean secret = rs.getBoolean(2);
          String value =
              secret
                  ? (rs.getString(4) == null
                      ? ""
                      : box.decrypt(rs.getString(4), owner(project, name, pn)))
                  : rs.getString(3);
          params.put(pn, new Param(value, secret));
        }
      }
    }
    return Optional.of(new SetRecord(name, description, params, created, updated));
  }

  public SetRecord require(Connection c, String project, String name) throws SQLException {
    return get(c, project, name)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no parameter set '" + name + "' in project '" + project + "'"));
  }

  /** Creates a set; 409 when the name is taken. A secret sent as {@code ***} has no value yet. */
  public SetRecord create(
      Connection c, String project, String name, String description, Map<String, Param> params)
      throws SQLException {
    Names.parameterSet(name);
    String id = UUID.randomUUID().toString();
    Instant now = Database.now();
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into parameter_sets (id, project, name, description, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      st.setString(1, id);
      st.setString(2, project);
      st.setString(3, name);
      st.setString(4, Names.text(description, "description", 4000));
      st.setObject(5, Database.ts(now));
      st.setObject(6, Database.ts(now));
      st.executeUpdate();
    } catch (SQLException e) {
      if (StoreException.isUniqueViolation(e)) {
        throw ApiException.conflict(
            "a parameter set named '" + name + "' already exists in project '" + project + "'");
      }
      throw e;
    }
    writeParams(c, id, project, name, params, Map.of());
    return require(c, project, name);
  }

  /**
   * Replaces a set's description and parameters; a secret sent as {@code ***} keeps its stored
   * value. 404 when there is no such set.
   */
  public SetRecord update(
      Connection c, String project, String name, String description, Map<String, Param> params)
      throws SQLException {
    SetRecord old = require(c, project, name);
    String id = idOf(c, project, name).orElseThrow();
    try (PreparedStatement st =
        c.prepareStatement(
            "update parameter_sets set description = ?, updated_at = ? where id = ?")) {
      st.setString(
          1,
          description == null ? old.description() : Names.text(description, "description", 4000));
      st.setObject(2, Database.ts(Database.now()));
      st.setString(3, id);
      st.executeUpdate();
    }
    try (PreparedStatement st = c.prepareStatement("delete from parameters where set_id = ?")) {
      st.setString(1, id);
      st.executeUpdate();
    }
    writeParams(c, id, project, name, params, old.parameters());
    return require(c, project, name);
  }

  /** Deletes a set; 409 when flows use it, 404 when there is none. */
  public void delete(Connection c, FlowStore flows, String project, String name)
      throws SQLException {
    String id =
        idOf(c, project, name)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no parameter set '" + name + "' in project '" + project + "'"));
    List<String> users = flows.usersOf(c, id);
    if (!users.isEmpty()) {
      throw ApiException.conflict(
          "parameter set '" + name + "' is used by " + String.join(", ", users));
    }
    try (PreparedStatement st = c.prepareStatement("delete from parameter_sets where id = ?")) {
      st.setString(1, id);
      st.executeUpdate();
    }
  }

  /** The named sets of a project, decrypted, as the compiler reads them. */
  public ParameterSets resolve(Connection c, String project, List<String> names)
      throws SQLException {
    Map<String, Map<String, ParameterSets.Parameter>> sets = new LinkedHashMap<>();
    for (String n : names) {
      SetRecord s = require(c, project, n);
      Map<String, ParameterSets.Parameter> m = new LinkedHashMap<>();
      s.parameters()
          .forEach((k, v) -> m.put(k, new ParameterSets.Parameter(v.value(), v.secret())));
      sets.put(n, m);
    }
    return ParameterSets.of(sets);
  }

  private void writeParams(
      Connection c,
      String id,
      String project,
      String set,
      Map<String, Param> params,
      Map<String, Param> old)
      throws SQLException {
    if (params == null || params.isEmpty()) {
      return;
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into parameters (set_id, name, secret, plain_value, ciphertext) values (?, ?, ?, ?,"
                + " ?)")) {
      for (Map.Entry<String, Param> e : params.entrySet()) {
        String pn = Names.parameter(e.getKey());
        Param p = e.getValue();
        if (p == null || p.value() == null) {
          throw ApiException.badRequest("parameter '" + pn + "' needs a 'value'");
        }
        String value = p.value();
        if (p.secret() && MASK.equals(value)) {
          Param before = old.get(pn);
          value = before != null && before.secret() ? before.value() : "";
        }
        st.setString(1, id);
        st.setString(2, pn);
        st.setBoolean(3, p.secret());
        st.setString(4, p.secret() ? null : value);
        st.setString(5, p.secret() ? box.encrypt(value, owner(project, set, pn)) : null);
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private static String owner(String project, String set, String param) {
    return project + "/" + set + "/" + param;
  }
}

package dev.flow.server.store;

import dev.flow.server.api.ApiException;
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
import java.util.TreeMap;
import java.util.UUID;

/**
 * Flows and their immutable versions in SQL. Every method works in the caller's transaction. An
 * update is a conditional {@code UPDATE ... WHERE current_version = base} plus an insert under the
 * primary key (flow, version): of two updates on the same base, exactly one can win, whichever
 * server they reach.
 */
public final class FlowStore {

  /** A new version's content: text, author, message, time. */
  public record NewVersion(String yaml, String author, String message, Instant createdAt) {}

  /** The metadata of a flow to create. */
  public record NewFlow(
      String project,
      String name,
      String description,
      Map<String, String> labels,
      List<String> parameterSets) {}

  /** A page of flows. */
  public record Page(List<StoredFlow> items, int page, int size, long total) {}

  /** What to list: each filter is optional. */
  public record Query(String project, String name, List<String> labels, String text) {}

  private static final String COLUMNS =
      "f.id, f.project, f.name, f.description, f.current_version, f.created_at, f.updated_at";

  /** Creates a flow with its first versions (one, or an imported history). */
  public StoredFlow create(Connection c, NewFlow f, List<NewVersion> versions) throws SQLException {
    String id = UUID.randomUUID().toString();
    Instant created = versions.get(0).createdAt();
    Instant updated = versions.get(versions.size() - 1).createdAt();
    List<String> setIds = ParameterSetStore.idsOf(c, f.project(), f.parameterSets());
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into flows (id, project, name, description, current_version, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, id);
      st.setString(2, f.project());
      st.setString(3, f.name());
      st.setString(4, f.description());
      st.setInt(5, versions.size());
      st.setObject(6, Database.ts(created));
      st.setObject(7, Database.ts(updated));
      st.executeUpdate();
    } catch (SQLException e) {
      if (StoreException.isUniqueViolation(e)) {
        throw nameTaken(f.project(), f.name());
      }
      throw e;
    }
    for (int i = 0; i < versions.size(); i++) {
      insertVersion(c, id, i + 1, versions.get(i));
    }
    writeLabels(c, id, f.labels());
    writeSets(c, id, setIds);
    return get(c, id).orElseThrow();
  }

  /**
   * Writes a new version on {@code base}; 409 (with {@code currentVersion}) when the flow moved on.
   * Null metadata arguments keep what the flow has.
   */
  public StoredFlow update(
      Connection c,
      String id,
      int base,
      NewVersion v,
      String description,
      Map<String, String> labels,
      List<String> parameterSets)
      throws SQLException {
    StoredFlow current = get(c, id).orElseThrow(() -> notFound(id));
    List<String> setIds =
        parameterSets == null ? null : ParameterSetStore.idsOf(c, current.project(), parameterSets);
    String desc = description == null ? current.description() : description;
    if (!VersionHead.advance(
        c, "flows", id, base, v.createdAt(), desc, n -> insertVersion(c, id, n, v))) {
      throw stale(c, id, base);
    }
    if (labels != null) {
      try (PreparedStatement st = c.prepareStatement("delete from flow_labels where flow_id = ?")) {
        st.setString(1, id);
        st.executeUpdate();
      }
      writeLabels(c, id, labels);
    }
    if (setIds != null) {
      try (PreparedStatement st =
          c.prepareStatement("delete from flow_parameter_sets where flow_id = ?")) {
        st.setString(1, id);
        st.executeUpdate();
      }
      writeSets(c, id, setIds);
    }
    return get(c, id).orElseThrow();
  }

  public Optional<StoredFlow> get(Connection c, String id) throws SQLException {
    return one(c, "f.id = ?", id, null);
  }

  public Optional<StoredFlow> byName(Connection c, String project, String name)
      throws SQLException {
    return one(c, "f.project = ? and f.name = ?", project, name);
  }

  /** The flow {@code id} or 404. */
  public StoredFlow require(Connection c, String id) throws SQLException {
    return get(c, id).orElseThrow(() -> notFound(id));
  }

  private Optional<StoredFlow> one(Connection c, String where, String a, String b)
      throws SQLException {
    String sql =
        "select "
            + COLUMNS
            + ", v.yaml from flows f join flow_versions v on v.flow_id = f.id"
            + " and v.version = f.current_version where "
            + where;
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, a);
      if (b != null) {
        st.setString(2, b);
      }
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        StoredFlow f = read(rs).withYaml(rs.getString("yaml"));
        return Optional.of(withDetails(c, List.of(f)).get(0));
      }
    }
  }

  /** Flows in a project ordered by name, filtered by name (substring), labels and text. */
  public Page list(Connection c, Query q, int page, int size) throws SQLException {
    StringBuilder where = new StringBuilder(" where f.project = ?");
    List<String> args = new ArrayList<>();
    args.add(q.project());
    if (q.name() != null && !q.name().isEmpty()) {
      where.append(" and lower(f.name) like ? escape '!'");
      args.add("%" + like(q.name()) + "%");
    }
    for (String label : q.labels()) {
      int eq = label.indexOf('=');
      if (eq < 0) {
        where.append(
            " and exists (select 1 from flow_labels l where l.flow_id = f.id and l.label_key = ?)");
        args.add(label);
      } else {
        where.append(
            " and exists (select 1 from flow_labels l where l.flow_id = f.id and l.label_key = ?"
                + " and l.label_value = ?)");
        args.add(label.substring(0, eq));
        args.add(label.substring(eq + 1));
      }
    }
    if (q.text() != null && !q.text().isEmpty()) {
      where.append(
          " and (lower(f.name) like ? escape '!' or lower(f.description) like ? escape '!' or"
              + " exists (select 1 from flow_versions v where v.flow_id = f.id and v.version ="
              + " f.current_version and lower(v.yaml) like ? escape '!'))");
      String t = "%" + like(q.text()) + "%";
      args.add(t);
      args.add(t);
      args.add(t);
    }
    long total;
    try (PreparedStatement st = c.prepareStatement("select count(*) from flows f" + where)) {
      bind(st, args);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<StoredFlow> items = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select " + COLUMNS + " from flows f" + where + " order by f.name limit ? offset ?")) {
      bind(st, args);
      st.setInt(args.size() + 1, size);
      st.setLong(args.size() + 2, (long) page * size);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          items.add(read(rs));
        }
      }
    }
    return new Page(withDetails(c, items), page, size, total);
  }

  /** Deletes the flow and its versions; 404 when there is none. */
  public void delete(Connection c, String id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("delete from flows where id = ?")) {
      st.setString(1, id);
      if (st.executeUpdate() == 0) {
        throw notFound(id);
      }
    }
  }

  /** Every version of a flow, oldest first, with or without their text. */
  public List<VersionRecord> versions(Connection c, String id, boolean withYaml)
      throws SQLException {
    require(c, id);
    List<VersionRecord> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select flow_id, version, "
                + (withYaml ? "yaml" : "null as yaml")
                + ", author, message, created_at from flow_versions where flow_id = ?"
                + " order by version")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(readVersion(rs));
        }
      }
    }
    return out;
  }

  /** One version with its text; 404 when the flow or the version does not exist. */
  public VersionRecord version(Connection c, String id, int n) throws SQLException {
    require(c, id);
    try (PreparedStatement st =
        c.prepareStatement(
            "select flow_id, version, yaml, author, message, created_at from flow_versions"
                + " where flow_id = ? and version = ?")) {
      st.setString(1, id);
      st.setInt(2, n);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw ApiException.notFound("flow " + id + " has no version " + n);
        }
        return readVersion(rs);
      }
    }
  }

  /** The names of the flows of a project that use the set {@code setId}. */
  public List<String> usersOf(Connection c, String setId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "select f.name from flows f join flow_parameter_sets s on s.flow_id = f.id"
                + " where s.set_id = ? order by f.name")) {
      st.setString(1, setId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static void insertVersion(Connection c, String id, int n, NewVersion v)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into flow_versions (flow_id, version, yaml, author, message, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      st.setString(1, id);
      st.setInt(2, n);
      st.setString(3, v.yaml());
      st.setString(4, v.author());
      st.setString(5, v.message() == null ? "" : v.message());
      st.setObject(6, Database.ts(v.createdAt()));
      st.executeUpdate();
    }
  }

  private static void writeLabels(Connection c, String id, Map<String, String> labels)
      throws SQLException {
    if (labels == null || labels.isEmpty()) {
      return;
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into flow_labels (flow_id, label_key, label_value) values (?, ?, ?)")) {
      for (Map.Entry<String, String> e : labels.entrySet()) {
        st.setString(1, id);
        st.setString(2, e.getKey());
        st.setString(3, e.getValue());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private static void writeSets(Connection c, String id, List<String> setIds) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into flow_parameter_sets (flow_id, set_id, pos) values (?, ?, ?)")) {
      for (int i = 0; i < setIds.size(); i++) {
        st.setString(1, id);
        st.setString(2, setIds.get(i));
        st.setInt(3, i);
        st.addBatch();
      }
      if (!setIds.isEmpty()) {
        st.executeBatch();
      }
    }
  }

  /** Adds labels and parameter set names to flows read without them. */
  private static List<StoredFlow> withDetails(Connection c, List<StoredFlow> flows)
      throws SQLException {
    if (flows.isEmpty()) {
      return flows;
    }
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    Map<String, List<String>> sets = new LinkedHashMap<>();
    for (StoredFlow f : flows) {
      labels.put(f.id(), new TreeMap<>());
      sets.put(f.id(), new ArrayList<>());
    }
    String in = "?" + ",?".repeat(flows.size() - 1);
    try (PreparedStatement st =
        c.prepareStatement(
            "select flow_id, label_key, label_value from flow_labels where flow_id in ("
                + in
                + ")")) {
      bind(st, List.copyOf(labels.keySet()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          labels.get(rs.getString(1)).put(rs.getString(2), rs.getString(3));
        }
      }
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "select s.flow_id, p.name from flow_parameter_sets s join parameter_sets p on p.id ="
                + " s.set_id where s.flow_id in ("
                + in
                + ") order by s.flow_id, s.pos")) {
      bind(st, List.copyOf(labels.keySet()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          sets.get(rs.getString(1)).add(rs.getString(2));
        }
      }
    }
    List<StoredFlow> out = new ArrayList<>(flows.size());
    for (StoredFlow f : flows) {
      out.add(
          new StoredFlow(
              f.id(),
              f.project(),
              f.name(),
              f.description(),
              labels.get(f.id()),
              f.version(),
              sets.get(f.id()),
              f.createdAt(),
              f.updatedAt(),
              f.yaml()));
    }
    return out;
  }

  private static StoredFlow read(ResultSet rs) throws SQLException {
    return new StoredFlow(
        rs.getString("id"),
        rs.getString("project"),
        rs.getString("name"),
        rs.getString("description"),
        Map.of(),
        rs.getInt("current_version"),
        List.of(),
        Database.instant(rs, "created_at"),
        Database.instant(rs, "updated_at"),
        null);
  }

  private static VersionRecord readVersion(ResultSet rs) throws SQLException {
    return new VersionRecord(
        rs.getString("flow_id"),
        rs.getInt("version"),
        rs.getString("yaml"),
        rs.getString("author"),
        rs.getString("message"),
        Database.instant(rs, "created_at"));
  }

  private ApiException stale(Connection c, String id, int base) throws SQLException {
    StoredFlow now = require(c, id);
    return new ApiException(
            409,
            "stale-version",
            "The flow changed since your version",
            "the update is based on version "
                + base
                + " but flow '"
                + now.name()
                + "' is at version "
                + now.version()
                + "; get the current version, apply your change to it and send it again",
            null)
        .with("currentVersion", now.version());
  }

  static ApiException nameTaken(String project, String name) {
    return ApiException.conflict(
        "a flow named '" + name + "' already exists in project '" + project + "'");
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("no flow with id '" + id + "'");
  }

  private static String like(String s) {
    return s.toLowerCase(java.util.Locale.ROOT)
        .replace("!", "!!")
        .replace("%", "!%")
        .replace("_", "!_");
  }

  private static void bind(PreparedStatement st, List<String> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      st.setString(i + 1, args.get(i));
    }
  }
}

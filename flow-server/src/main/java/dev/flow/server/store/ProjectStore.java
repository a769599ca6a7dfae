package dev.flow.server.store;

import dev.flow.server.api.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Projects: the namespaces of flows and parameter sets; {@code default} always exists. */
public final class ProjectStore {

  /** A project as the API shows it. */
  public record Project(String name, String description, Instant createdAt) {}

  public List<Project> list(Connection c) throws SQLException {
    List<Project> out = new ArrayList<>();
    try (PreparedStatement st =
            c.prepareStatement("select name, description, created_at from projects order by name");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(new Project(rs.getString(1), rs.getString(2), Database.instant(rs, "created_at")));
      }
    }
    return out;
  }

  /** Creates a project; 409 when the name is taken. */
  public Project create(Connection c, String name, String description) throws SQLException {
    Names.project(name);
    Project p = new Project(name, Names.text(description, "description", 4000), Database.now());
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into projects (name, description, created_at) values (?, ?, ?)")) {
      st.setString(1, p.name());
      st.setString(2, p.description());
      st.setObject(3, Database.ts(p.createdAt()));
      st.executeUpdate();
    } catch (SQLException e) {
      if (StoreException.isUniqueViolation(e)) {
        throw ApiException.conflict("a project named '" + name + "' already exists");
      }
      throw e;
    }
    return p;
  }

  /** The project's name when it exists, else 404; null means {@code default}. */
  public String require(Connection c, String name) throws SQLException {
    String n = name == null || name.isEmpty() ? "default" : name;
    try (PreparedStatement st = c.prepareStatement("select 1 from projects where name = ?")) {
      st.setString(1, n);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw ApiException.notFound("no project named '" + n + "'");
        }
      }
    }
    return n;
  }
}

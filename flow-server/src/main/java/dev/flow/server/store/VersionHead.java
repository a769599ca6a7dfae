package dev.flow.server.store;

import dev.flow.server.api.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The optimistic step shared by every versioned catalog object (flows, factories): move the head
 * row of {@code table} from version {@code base} to {@code base + 1}, then write the version row.
 */
public final class VersionHead {
  /** Writes the version row once the head has moved. */
  @FunctionalInterface
  public interface VersionWriter {
    void write(int version) throws SQLException;
  }

  private VersionHead() {}

  /**
   * Moves the head; returns false, changing nothing, when the object is no longer at {@code base}
   * (the caller answers 409 with the current version). Two writers that pass the head check at the
   * same moment meet at the version row's unique key: the later one gets a 409.
   */
  public static boolean advance(
      Connection c,
      String table,
      String id,
      int base,
      Instant at,
      String description,
      VersionWriter version)
      throws SQLException {
    int n;
    try (PreparedStatement st =
        c.prepareStatement(
            "update "
                + table
                + " set current_version = ?, updated_at = ?, description = ?"
                + " where id = ? and current_version = ?")) {
      st.setInt(1, base + 1);
      st.setObject(2, Database.ts(at));
      st.setString(3, description);
      st.setString(4, id);
      st.setInt(5, base);
      n = st.executeUpdate();
    }
    if (n == 0) {
      return false;
    }
    try {
      version.write(base + 1);
    } catch (SQLException e) {
      if (StoreException.isUniqueViolation(e)) {
        // The transaction is spoilt on PostgreSQL, so no query for the current version here.
        throw ApiException.conflict("version " + (base + 1) + " was written at the same moment");
      }
      throw e;
    }
    return true;
  }
}

package dev.flow.server.store;

import java.sql.SQLException;

/** A database failure; {@link #conflict()} tells a unique or key violation from other failures. */
public final class StoreException extends RuntimeException {
  private final boolean conflict;

  private StoreException(String message, SQLException cause, boolean conflict) {
    super(message, cause);
    this.conflict = conflict;
  }

  /** Wraps a JDBC error; SQL state 23505 (unique) and 23503 (foreign key) are conflicts. */
  public static StoreException of(SQLException e) {
    String state = e.getSQLState();
    boolean conflict = "23505".equals(state) || "23503".equals(state);
    return new StoreException("database error: " + e.getMessage(), e, conflict);
  }

  public boolean conflict() {
    return conflict;
  }

  /** Whether a JDBC error is a unique-key violation. */
  public static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}

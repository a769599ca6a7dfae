package dev.flow.connectors.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** An embedded PostgreSQL for tests, with its files under target/. */
public final class Postgres implements AutoCloseable {
  private final EmbeddedPostgres pg;

  private Postgres(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  /** Starts a server in {@code target/<dir>}. */
  public static Postgres start(String dir) throws Exception {
    File d = new File("target/" + dir);
    d.mkdirs();
    return new Postgres(EmbeddedPostgres.builder().setOverrideWorkingDirectory(d).start());
  }

  public String url() {
    return pg.getJdbcUrl("postgres", "postgres");
  }

  public Connection connect() throws SQLException {
    return pg.getPostgresDatabase().getConnection();
  }

  /** Runs each statement in its own transaction. */
  public void execute(String... sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  @Override
  public void close() throws Exception {
    pg.close();
  }
}

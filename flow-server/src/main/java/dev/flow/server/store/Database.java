package dev.flow.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The server's store: a pooled JDBC data source on H2 (a file in the data folder, the default) or
 * PostgreSQL, migrated by Flyway from {@code classpath:db/migration} at start, with transactions.
 *
 * <p>Other modules add tables by putting {@code db/migration/V<n>__<what>.sql} on the classpath
 * (numbers from 100 up; 1-99 are the catalog's). The SQL must run on both H2 and PostgreSQL.
 */
public final class Database implements AutoCloseable {

  /** Work done in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final HikariDataSource pool;
  private final String kind;

  private Database(HikariDataSource pool, String kind) {
    this.pool = pool;
    this.kind = kind;
  }

  /** Opens the store: {@code url} when given, else the H2 file {@code data/catalog}. */
  public static Database open(String url, Path data) {
    String jdbc = url;
    if (jdbc == null || jdbc.isBlank()) {
      jdbc =
          "jdbc:h2:file:"
              + data.resolve("catalog").toAbsolutePath()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(jdbc);
    cfg.setMaximumPoolSize(8);
    cfg.setPoolName("flow-server");
    cfg.setAutoCommit(true);
    if (jdbc.startsWith("jdbc:postgresql:")) {
      cfg.setDriverClassName("org.postgresql.Driver");
    } else if (jdbc.startsWith("jdbc:h2:")) {
      cfg.setDriverClassName("org.h2.Driver");
    }
    HikariDataSource pool = new HikariDataSource(cfg);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, jdbc.startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
  }

  /** "h2" or "postgresql". */
  public String kind() {
    return kind;
  }

  public DataSource dataSource() {
    return pool;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  public <T> T tx(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw StoreException.of(e);
    }
  }

  /** Now, to the millisecond (both stores keep at least that). */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** An instant as a JDBC parameter. */
  public static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  /** A timestamp column as an instant. */
  public static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  @Override
  public void close() {
    pool.close();
  }
}

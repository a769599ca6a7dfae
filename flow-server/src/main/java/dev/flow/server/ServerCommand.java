package dev.flow.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flow server}: runs the Flow server until stopped. */
@Command(
    name = "server",
    description =
        "Run the Flow server: a catalog of flows, versions and parameter sets with a REST API"
            + " under /api/v1.")
public final class ServerCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "N", defaultValue = "8090", description = "Default: 8090.")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "The address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface).")
  String host;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = ".flow-server",
      description =
          "The data folder: the embedded store and the secrets key (default: .flow-server).")
  Path data;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "A PostgreSQL JDBC URL (jdbc:postgresql://host/db?user=u&password=p) instead of"
              + " the embedded store.")
  String db;

  @Option(
      names = "--error-retention-records",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Error records kept per flow at most; the oldest go first (default: 10000).")
  int errorRetentionRecords;

  @Option(
      names = "--error-retention-days",
      paramLabel = "DAYS",
      defaultValue = "30",
      description = "Days an error record is kept at most (default: 30).")
  int errorRetentionDays;

  @Override
  public Integer call() throws Exception {
    if (db != null && !db.startsWith("jdbc:postgresql:")) {
      System.err.println("flow server: --db takes a jdbc:postgresql:// URL, not '" + db + "'");
      return 2;
    }
    if (errorRetentionRecords < 1 || errorRetentionDays < 1) {
      System.err.println(
          "flow server: --error-retention-records and --error-retention-days must be 1 or more");
      return 2;
    }
    ServerConfig cfg =
        new ServerConfig(
            host,
            port,
            data,
            db,
            System.getenv("FLOW_SERVER_KEY"),
            errorRetentionRecords,
            errorRetentionDays);
    FlowServer server;
    try {
      server = FlowServer.start(cfg);
    } catch (Exception e) {
      System.err.println("flow server: cannot start: " + e.getMessage());
      return 1;
    }
    server.firstAdminToken().ifPresent(t -> System.out.println("admin token: " + t));
    System.out.flush();
    System.err.println(
        "flow server: listening on http://"
            + host
            + ":"
            + server.port()
            + " (store: "
            + (db == null ? "H2 in " + data.toAbsolutePath().normalize() : "PostgreSQL")
            + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}

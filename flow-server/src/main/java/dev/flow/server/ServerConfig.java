package dev.flow.server;

import java.nio.file.Path;

/**
 * How to start a server.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param data the data folder: the H2 store and the secrets key file
 * @param dbUrl a {@code jdbc:postgresql://...} URL, or null for the H2 store in {@code data}
 * @param secretKey the base64 secrets key ({@code FLOW_SERVER_KEY}), or null to use the key file
 * @param errorRetentionRecords error records kept per flow at most (the oldest go first)
 * @param errorRetentionDays days an error record is kept at most
 */
public record ServerConfig(
    String host,
    int port,
    Path data,
    String dbUrl,
    String secretKey,
    int errorRetentionRecords,
    int errorRetentionDays) {

  /** Error records kept per flow by default. */
  public static final int ERROR_RETENTION_RECORDS = 10_000;

  /** Days an error record is kept by default. */
  public static final int ERROR_RETENTION_DAYS = 30;

  /** A config with the default error retention. */
  public ServerConfig(String host, int port, Path data, String dbUrl, String secretKey) {
    this(host, port, data, dbUrl, secretKey, ERROR_RETENTION_RECORDS, ERROR_RETENTION_DAYS);
  }

  /** The defaults: port 8090 on localhost, data in {@code ./.flow-server}. */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8090, Path.of(".flow-server"), null, null);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        host, p, data, dbUrl, secretKey, errorRetentionRecords, errorRetentionDays);
  }

  public ServerConfig withData(Path d) {
    return new ServerConfig(
        host, port, d, dbUrl, secretKey, errorRetentionRecords, errorRetentionDays);
  }

  public ServerConfig withDb(String url) {
    return new ServerConfig(
        host, port, data, url, secretKey, errorRetentionRecords, errorRetentionDays);
  }

  public ServerConfig withSecretKey(String k) {
    return new ServerConfig(host, port, data, dbUrl, k, errorRetentionRecords, errorRetentionDays);
  }

  /** The same config keeping at most {@code records} error records per flow, {@code days} days. */
  public ServerConfig withErrorRetention(int records, int days) {
    return new ServerConfig(host, port, data, dbUrl, secretKey, records, days);
  }
}

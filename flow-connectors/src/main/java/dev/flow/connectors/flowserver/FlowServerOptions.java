package dev.flow.connectors.flowserver;

/**
 * Where a deployed flow reports to its server: the server's ingest endpoint for this deployment,
 * and the deployment-scoped token that authorizes it. Set by the server, never written in a flow.
 *
 * @param url the ingest endpoint, e.g. {@code http://host:8090/api/v1/ingest/ID/runs}
 * @param token the deployment-scoped bearer token; never logged
 * @param batchSize records per request at most
 * @param maxAttempts attempts per request before the job fails (and restarts from a checkpoint)
 */
public record FlowServerOptions(String url, String token, int batchSize, int maxAttempts)
    implements java.io.Serializable {

  /** Reporting with the defaults: 500 records per request, 8 attempts. */
  public static FlowServerOptions of(String url, String token) {
    return new FlowServerOptions(url, token, 500, 8);
  }

  @Override
  public String toString() {
    // The token never reaches a log line, a job graph description or an exception message.
    return "FlowServerOptions[url=" + url + ", batchSize=" + batchSize + "]";
  }
}

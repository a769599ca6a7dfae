package dev.flow.client.model;

/** Filters of a run list; null leaves one out. */
public record RunQuery(
    String flow,
    String deployment,
    String status,
    String from,
    String to,
    Integer page,
    Integer size) {
  public static RunQuery ofFlow(String flow) {
    return new RunQuery(flow, null, null, null, null, null, null);
  }

  public RunQuery withStatus(String s) {
    return new RunQuery(flow, deployment, s, from, to, page, size);
  }

  public RunQuery withFrom(String f) {
    return new RunQuery(flow, deployment, status, f, to, page, size);
  }

  public RunQuery withSize(Integer n) {
    return new RunQuery(flow, deployment, status, from, to, page, n);
  }
}

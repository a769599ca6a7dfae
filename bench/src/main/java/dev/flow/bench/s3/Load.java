package dev.flow.bench.s3;

/**
 * The outcome of one load run.
 *
 * @param generator which load generator produced it
 * @param requests requests completed
 * @param seconds how long the load ran
 * @param p50ms median latency
 * @param p99ms 99th percentile latency
 * @param errors requests that failed or were not answered 2xx
 */
public record Load(
    String generator, long requests, double seconds, double p50ms, double p99ms, long errors) {

  public double rps() {
    return requests / seconds;
  }
}

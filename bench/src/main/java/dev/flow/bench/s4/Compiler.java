package dev.flow.bench.s4;

/** One way of turning a generated chain of {@code stages} stages into a Flink job graph. */
public interface Compiler {

  /** What the figures cover, for the table. */
  String describe();

  /** Compiles a chain of {@code stages} stages and returns the time of each step in nanoseconds. */
  Times compile(int stages) throws Exception;

  /**
   * Times of one compile.
   *
   * @param validateNanos parsing and validation, or -1 when the compiler has no such step
   * @param translateNanos translation to a Flink {@code StreamExecutionEnvironment}
   * @param jobGraphNanos building the stream graph and job graph Flink would submit
   */
  record Times(long validateNanos, long translateNanos, long jobGraphNanos) {
    public long totalNanos() {
      return Math.max(0, validateNanos) + translateNanos + jobGraphNanos;
    }
  }
}

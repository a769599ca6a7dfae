package dev.flow.bench;

/** One way of doing a scenario's work; {@link #run} does it once over the prepared events. */
public interface Variant {

  /** A short name for the table, e.g. {@code handwritten}. */
  String name();

  /** Does the work once and says how long it took and what came out. */
  Result run() throws Exception;

  /**
   * One run of a variant.
   *
   * @param inputs records read
   * @param nanos time spent, excluding the start and stop of a local cluster
   * @param outputs records that came out
   * @param outBytes bytes of the serialized output
   * @param checksum an order-independent digest of the output, to compare variants
   */
  record Result(long inputs, long nanos, long outputs, long outBytes, long checksum) {

    /** Input records per second. */
    public double rate() {
      return inputs * 1e9 / nanos;
    }
  }
}

package dev.flow.bench;

import java.io.PrintStream;

/** One benchmark scenario: runs its variants and adds its rows and summary tokens to the report. */
public interface Scenario {

  /** The tag used in the table and the summary line, e.g. {@code S1}. */
  String id();

  /** A one-line description for the log. */
  String title();

  void run(Settings settings, Report report, PrintStream log) throws Exception;

  /**
   * How much work a run does.
   *
   * @param quick true for the quick mode
   * @param events events per round in the throughput scenarios
   * @param warmups discarded rounds per variant
   * @param rounds measured rounds per variant
   * @param httpSeconds how long the HTTP load runs per round
   */
  record Settings(boolean quick, int events, int warmups, int rounds, int httpSeconds) {}
}

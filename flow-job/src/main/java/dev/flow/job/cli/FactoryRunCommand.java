package dev.flow.job.cli;

import dev.flow.factory.ValidatedFactory;
import dev.flow.job.local.FactoryRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flow factory run}: runs every flow of a factory on one embedded Flink, in order. */
@Command(
    name = "run",
    description =
        "Run the factory locally on an embedded Flink: streaming flows start upstream first;"
            + " bounded flows run once what they depend on is done; a flow whose dependency"
            + " failed does not start. Exit 0 when no flow failed or was skipped.")
final class FactoryRunCommand implements Callable<Integer> {

  @Mixin FactoryInput input;

  @Option(
      names = "--streaming-for",
      paramLabel = "DURATION",
      description =
          "Stop the streaming flows (drained, into a savepoint) this long after the last one is"
              + " up, e.g. 30s or 5m, then run the bounded flows that come after them. Default:"
              + " run until Ctrl-C.")
  String streamingFor;

  @Option(
      names = "--savepoints",
      paramLabel = "DIR",
      description =
          "Where stopped streaming flows write their savepoints (default: a temp folder).")
  Path savepoints;

  @Option(
      names = "--start-timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "The longest a streaming flow may take to be up (default: ${DEFAULT-VALUE}).")
  String startTimeout;

  @Option(
      names = "--settle",
      paramLabel = "DURATION",
      defaultValue = "5s",
      description =
          "When stopping, how long a streaming flow keeps running after its upstream flows"
              + " stopped, to read what they committed last (default: ${DEFAULT-VALUE}).")
  String settle;

  @Override
  public Integer call() throws Exception {
    ValidatedFactory v = input.validOrPrint(System.err);
    if (v == null) {
      return 1;
    }
    Duration until;
    Duration timeout;
    Duration settleFor;
    try {
      settleFor = duration("--settle", settle);
      until = streamingFor == null ? null : duration("--streaming-for", streamingFor);
      timeout = duration("--start-timeout", startTimeout);
    } catch (IllegalArgumentException e) {
      System.err.println("flow factory run: " + e.getMessage());
      return 2;
    }
    Path sp =
        savepoints != null ? savepoints : Files.createTempDirectory("flow-factory-savepoints");
    List<FactoryRunner.Result> results =
        new FactoryRunner(System.out, until, sp, timeout, settleFor).run(v);
    boolean ok =
        results.stream()
            .allMatch(
                r ->
                    r.outcome() == FactoryRunner.Outcome.SUCCEEDED
                        || r.outcome() == FactoryRunner.Outcome.STOPPED);
    return ok ? 0 : 1;
  }

  /** A duration written as 500ms, 30s, 5m, 1h or 2d. */
  static Duration duration(String option, String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not a duration such as 500ms, 30s, 5m, 1h or 2d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}

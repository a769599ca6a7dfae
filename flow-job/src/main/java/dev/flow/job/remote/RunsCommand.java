package dev.flow.job.remote;

import dev.flow.client.FlowClient;
import dev.flow.client.model.Page;
import dev.flow.client.model.Run;
import dev.flow.client.model.RunQuery;
import dev.flow.client.model.RunStats;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow runs}: a flow's runs, newest first, with counts and durations. */
@Command(
    mixinStandardHelpOptions = true,
    name = "runs",
    description = "List a flow's runs, newest first, then their counts and durations.")
public final class RunsCommand extends RemoteCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The flow's name.")
  String name;

  @Option(names = "--status", paramLabel = "STATUS", description = "success or error.")
  String status;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Runs since an instant (2026-12-01T10:00:00Z) or a duration ago (1h, 30m, 2d).")
  String since;

  @Option(names = "--limit", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  protected String commandName() {
    return "flow runs";
  }

  @Override
  protected int run(FlowClient client) {
    if (status != null && !status.equals("success") && !status.equals("error")) {
      err.println("flow runs: --status is success or error, found '" + status + "'");
      return 2;
    }
    String from;
    try {
      from = since == null ? null : since(since, Instant.now()).toString();
    } catch (IllegalArgumentException e) {
      err.println("flow runs: " + e.getMessage());
      return 2;
    }
    Page<Run> page =
        client.runs().list(RunQuery.ofFlow(name).withStatus(status).withFrom(from).withSize(limit));
    out.printf(
        "%-38s %-8s %-20s %8s %9s %6s %s%n",
        "RUN", "STATUS", "START", "SECONDS", "PUBLISHED", "ERRORS", "FAILED STAGE");
    for (Run r : page.items()) {
      out.printf(
          "%-38s %-8s %-20s %8s %9s %6s %s%n",
          r.runId() + (r.manual() ? " (manual)" : ""),
          r.status(),
          r.start() == null ? "-" : r.start(),
          r.durationMs() == null ? "-" : String.format("%.1f", r.durationMs() / 1000.0),
          r.published() == null ? "-" : r.published(),
          r.errors() == null ? "-" : r.errors(),
          r.failedStage() == null ? "" : r.failedStage());
    }
    RunStats stats = client.runs().stats(name, from, null);
    for (RunStats.FlowStats s : stats.flows()) {
      out.println();
      out.println(s.runs() + " runs: " + s.success() + " succeeded, " + s.error() + " failed");
      if (s.durationMs() != null) {
        out.println(
            "duration ms: avg "
                + (s.durationMs().avg() == null ? "-" : Math.round(s.durationMs().avg()))
                + ", p50 "
                + s.durationMs().p50()
                + ", p95 "
                + s.durationMs().p95()
                + ", max "
                + s.durationMs().max());
      }
    }
    if (page.total() > page.items().size()) {
      out.println("(" + page.items().size() + " of " + page.total() + " runs shown; --limit N)");
    }
    return 0;
  }

  /** An instant, or a duration such as 30m, 1h, 2d before now. */
  static Instant since(String s, Instant now) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      var m = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(s);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "--since is an instant (2026-12-01T10:00:00Z) or a duration (30m, 1h, 2d), found '"
                + s
                + "'");
      }
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return now.minus(d);
    }
  }
}

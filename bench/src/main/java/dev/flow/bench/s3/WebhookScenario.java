package dev.flow.bench.s3;

import dev.flow.bench.Events;
import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * S3: requests per second and latency of 300-byte JSON POSTs on loopback, from {@code wrk} (or the
 * JDK client when wrk is missing), against each target in alternating rounds. The bare JDK server
 * is the limit; a Flow webhook flow is measured when one is given.
 */
public final class WebhookScenario implements Scenario {
  static final int CONNECTIONS = 32;

  private final List<java.util.function.Supplier<WebhookTarget>> targets;
  private final String flowMissing;

  /**
   * @param targets the targets to measure; the first is the baseline
   * @param flowMissing why there is no Flow target, or null when one of the targets is Flow's
   */
  public WebhookScenario(
      List<java.util.function.Supplier<WebhookTarget>> targets, String flowMissing) {
    this.targets = targets;
    this.flowMissing = flowMissing;
  }

  @Override
  public String id() {
    return "S3";
  }

  @Override
  public String title() {
    return "webhook: 300-byte JSON POSTs on loopback, " + CONNECTIONS + " connections";
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    Events.prepare(Math.max(Events.count(), 1));
    byte[] body = Events.bytes(0);
    boolean wrk = WrkLoad.available();
    Path work = Files.createTempDirectory("bench-s3");
    Map<String, List<Load>> loads = new LinkedHashMap<>();
    List<WebhookTarget> started = new ArrayList<>();
    List<URI> urls = new ArrayList<>();
    try {
      for (var t : targets) {
        WebhookTarget target = t.get();
        started.add(target);
        urls.add(target.start());
        loads.put(target.name(), new ArrayList<>());
      }
      int n = started.size();
      for (int round = 0; round < 1 + s.rounds(); round++) {
        boolean warm = round == 0;
        for (int k = 0; k < n; k++) {
          int i = (k + round) % n;
          int secs = warm ? 2 : s.httpSeconds();
          Load l =
              wrk
                  ? WrkLoad.run(urls.get(i), body, secs, CONNECTIONS, work)
                  : JdkClientLoad.run(urls.get(i), body, secs, CONNECTIONS, 5_000_000);
          log.printf(
              Locale.ROOT,
              "  %s round %d %-12s %,9.0f req/s  p50 %.2f ms  p99 %.2f ms  errors %d (%s)%n",
              warm ? "warm-up" : "measure",
              warm ? 1 : round,
              started.get(i).name(),
              l.rps(),
              l.p50ms(),
              l.p99ms(),
              l.errors(),
              l.generator());
          if (!warm) {
            loads.get(started.get(i).name()).add(l);
          }
        }
      }
    } finally {
      for (WebhookTarget t : started) {
        t.close();
      }
    }
    String jdk = started.get(0).name();
    for (WebhookTarget t : started) {
      String name = t.name();
      List<Load> ls = loads.get(name);
      double rps = median(ls, Load::rps);
      double p50 = median(ls, Load::p50ms);
      double p99 = median(ls, Load::p99ms);
      long errors = ls.stream().mapToLong(Load::errors).sum();
      String note =
          switch (name) {
            case "jdk-server" -> "baseline: JDK HttpServer, body discarded, ";
            case "netty-server" -> "baseline (the limit): bare Netty, body parsed as JSON, ";
            case "flow" -> "Webhook → Trash in the bench's JVM, ";
            case "flow-run" ->
                "./flow run: Webhook → Remap Fields → Write to File"
                    + (t instanceof FlowRunWebhook r && r.written() >= 0
                        ? " (" + r.written() + " lines written)"
                        : "")
                    + ", ";
            default -> "";
          };
      String ratio =
          loads.containsKey("netty-server") && !name.equals("netty-server")
              ? String.format(
                  Locale.ROOT, ", ×netty %.2f", rps / median(loads.get("netty-server"), Load::rps))
              : "";
      report.row(
          id(),
          name,
          String.format(Locale.ROOT, "%,.0f req/s", rps),
          String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", p50, p99) + ratio,
          note
              + "load from "
              + ls.get(0).generator()
              + (errors > 0 ? ", " + errors + " errors" : ""));
    }
    StringBuilder sum = new StringBuilder("S3");
    if (loads.containsKey("flow")) {
      List<Load> f = loads.get("flow");
      sum.append(
          String.format(
              Locale.ROOT, " rps=%.0f p99ms=%.1f", median(f, Load::rps), median(f, Load::p99ms)));
      if (loads.containsKey("netty-server")) {
        sum.append(" flow/netty=")
            .append(
                Report.ratio(median(f, Load::rps) / median(loads.get("netty-server"), Load::rps)));
      }
    } else {
      report.row(id(), "flow", "not measured", "", flowMissing);
      sum.append(" rps=n/a p99ms=n/a");
    }
    if (loads.containsKey("netty-server")) {
      List<Load> n = loads.get("netty-server");
      sum.append(
          String.format(
              Locale.ROOT,
              " netty_rps=%.0f netty_p99ms=%.1f",
              median(n, Load::rps),
              median(n, Load::p99ms)));
    }
    List<Load> base = loads.get(jdk);
    sum.append(
        String.format(
            Locale.ROOT,
            " baseline_rps=%.0f baseline_p99ms=%.1f",
            median(base, Load::rps),
            median(base, Load::p99ms)));
    if (loads.containsKey("flow-run")) {
      List<Load> r = loads.get("flow-run");
      sum.append(
          String.format(
              Locale.ROOT,
              " run_rps=%.0f run_p99ms=%.1f",
              median(r, Load::rps),
              median(r, Load::p99ms)));
    }
    report.summary(sum.toString());
  }

  private static double median(List<Load> loads, ToDoubleFunction<Load> f) {
    double[] v = loads.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}

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
    String flowName = null;
    for (String name : loads.keySet()) {
      List<Load> ls = loads.get(name);
      double rps = median(ls, Load::rps);
      double p50 = median(ls, Load::p50ms);
      double p99 = median(ls, Load::p99ms);
      long errors = ls.stream().mapToLong(Load::errors).sum();
      boolean baseline = name.equals(started.get(0).name());
      if (!baseline) {
        flowName = name;
      }
      report.row(
          id(),
          name,
          String.format(Locale.ROOT, "%,.0f req/s", rps),
          String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", p50, p99),
          (baseline ? "baseline (the limit), " : "")
              + "load from "
              + ls.get(0).generator()
              + (errors > 0 ? ", " + errors + " errors" : ""));
    }
    List<Load> base = loads.get(started.get(0).name());
    String baseline =
        String.format(
            Locale.ROOT,
            "baseline_rps=%.0f baseline_p99ms=%.1f",
            median(base, Load::rps),
            median(base, Load::p99ms));
    if (flowName == null) {
      report.row(id(), "flow", "not measured", "", flowMissing);
      report.summary("S3 rps=n/a p99ms=n/a " + baseline);
    } else {
      List<Load> f = loads.get(flowName);
      report.summary(
          String.format(
                  Locale.ROOT,
                  "S3 rps=%.0f p99ms=%.1f ",
                  median(f, Load::rps),
                  median(f, Load::p99ms))
              + baseline);
    }
  }

  private static double median(List<Load> loads, ToDoubleFunction<Load> f) {
    double[] v = loads.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}

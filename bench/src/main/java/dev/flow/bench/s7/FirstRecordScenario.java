package dev.flow.bench.s7;

import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * S7: the time from starting {@code ./flow run examples/quickstart.yaml} (a new JVM, a warm build)
 * to the first line it prints on standard output, the first record of the quick start. Measured
 * with the launcher's class data sharing archive and without it ({@code FLOW_CDS=off}), in
 * alternating rounds, after one discarded run of each (which also builds the project and records
 * the archive when they are missing or stale).
 */
public final class FirstRecordScenario implements Scenario {
  private final Path root;

  public FirstRecordScenario(Path root) {
    this.root = root;
  }

  @Override
  public String id() {
    return "S7";
  }

  @Override
  public String title() {
    return "time to the first record: ./flow run examples/quickstart.yaml, a new JVM each run";
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    Path launcher = root.resolve("flow");
    if (!Files.isExecutable(launcher)) {
      report.row(id(), "cds", "not measured", "", "no ./flow launcher at " + launcher);
      report.summary("S7 first_record_ms=n/a");
      return;
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    times.put("cds", new ArrayList<>());
    times.put("no-cds", new ArrayList<>());
    List<String> variants = new ArrayList<>(times.keySet());
    int rounds = s.quick() ? 3 : 5;
    for (int round = 0; round < 1 + rounds; round++) {
      boolean warm = round == 0;
      for (int k = 0; k < variants.size(); k++) {
        String v = variants.get((k + round) % variants.size());
        double ms = once(launcher, v.equals("no-cds"));
        log.printf(
            Locale.ROOT,
            "  %s round %d %-7s first record after %,.0f ms%n",
            warm ? "warm-up" : "measure",
            warm ? 1 : round,
            v,
            ms);
        if (!warm) {
          times.get(v).add(ms);
        }
      }
    }
    double cds = median(times.get("cds"));
    double plain = median(times.get("no-cds"));
    report.row(
        id(),
        "cds",
        String.format(Locale.ROOT, "%,.0f ms", cds),
        "×no-cds " + Report.ratio(plain / cds),
        "spread " + spread(times.get("cds")) + "; the launcher's class data sharing archive");
    report.row(
        id(),
        "no-cds",
        String.format(Locale.ROOT, "%,.0f ms", plain),
        "×no-cds 1.00",
        "spread " + spread(times.get("no-cds")) + "; FLOW_CDS=off");
    report.summary(
        String.format(Locale.ROOT, "S7 first_record_ms=%.0f no_cds_ms=%.0f", cds, plain));
  }

  /** Milliseconds from starting the launcher to its first line on standard output. */
  private double once(Path launcher, boolean noCds) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(launcher.toString(), "run", "examples/quickstart.yaml")
            .directory(root.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("FLOW_CDS", noCds ? "off" : "on");
    pb.environment().remove("FLOW_JAVA_OPTS");
    long t0 = System.nanoTime();
    Process p = pb.start();
    double ms = Double.NaN;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      if (first != null) {
        ms = (System.nanoTime() - t0) / 1e6;
      }
      while (out.readLine() != null) {
        // Drain the rest so the run can end.
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("./flow run examples/quickstart.yaml did not end");
    }
    if (p.exitValue() != 0 || Double.isNaN(ms)) {
      throw new IllegalStateException(
          "./flow run examples/quickstart.yaml failed (exit " + p.exitValue() + ")");
    }
    return ms;
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = a.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
  }

  private static String spread(List<Double> v) {
    double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return String.format(Locale.ROOT, "%,.0f–%,.0f ms", min, max);
  }
}

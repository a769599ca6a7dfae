package dev.flow.bench.s4;

import dev.flow.bench.Report;
import dev.flow.bench.Scenario;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * S4: compile time of generated chains of 10, 100 and 1000 stages, and whether it grows linearly.
 */
public final class CompileScenario implements Scenario {
  static final int[] SIZES = {10, 100, 1000};

  private final Compiler compiler;

  public CompileScenario(Compiler compiler) {
    this.compiler = compiler;
  }

  @Override
  public String id() {
    return "S4";
  }

  @Override
  public String title() {
    return "compile scaling: " + compiler.describe();
  }

  @Override
  public void run(Settings s, Report report, PrintStream log) throws Exception {
    int rounds = s.rounds() + 2;
    double[][] totals = new double[SIZES.length][rounds];
    double[][] validate = new double[SIZES.length][rounds];
    double[][] translate = new double[SIZES.length][rounds];
    double[][] graph = new double[SIZES.length][rounds];
    // One discarded warm-up pass over every size, then alternating rounds.
    for (int size : SIZES) {
      compiler.compile(size);
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < SIZES.length; k++) {
        int i = (k + r) % SIZES.length;
        Compiler.Times t = compiler.compile(SIZES[i]);
        totals[i][r] = t.totalNanos() / 1e6;
        validate[i][r] = t.validateNanos() / 1e6;
        translate[i][r] = t.translateNanos() / 1e6;
        graph[i][r] = t.jobGraphNanos() / 1e6;
        log.printf(
            Locale.ROOT,
            "  round %d %5d stages: total %8.1f ms (validate %s, translate %.1f, job graph %.1f)%n",
            r + 1,
            SIZES[i],
            totals[i][r],
            t.validateNanos() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", validate[i][r]),
            translate[i][r],
            graph[i][r]);
      }
    }
    double[] med = new double[SIZES.length];
    for (int i = 0; i < SIZES.length; i++) {
      med[i] = median(totals[i]);
      double v = median(validate[i]);
      report.row(
          id(),
          SIZES[i] + " stages",
          String.format(Locale.ROOT, "%.1f ms", med[i]),
          String.format(
              Locale.ROOT,
              "validate %s, translate %.1f ms, job graph %.1f ms",
              v < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", v),
              median(translate[i]),
              median(graph[i])),
          i == 0 ? compiler.describe() : "");
    }
    double growth = med[2] / med[1];
    report.row(
        id(),
        "growth 100→1000",
        String.format(Locale.ROOT, "×%.1f", growth),
        "linear is ×10",
        growth <= 13 ? "linear" : "super-linear");
    report.summary(
        String.format(Locale.ROOT, "S4 1000stages_ms=%.0f growth_100_1000=%.1f", med[2], growth));
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    int n = c.length;
    return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
  }
}

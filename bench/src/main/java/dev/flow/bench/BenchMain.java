package dev.flow.bench;

import dev.flow.bench.s1.FlowVariant;
import dev.flow.bench.s1.RemapFilterScenario;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every scenario and prints one table and, last, a machine-readable summary line: {@code
 * bench/run [--quick] [--only S1,S3]}.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    boolean quick = false;
    List<String> only = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--only" -> only.addAll(List.of(args[++i].toUpperCase(Locale.ROOT).split(",")));
        default -> {
          System.err.println("usage: bench/run [--quick] [--only S1,S2,...]");
          System.exit(2);
        }
      }
    }
    Scenario.Settings settings =
        quick
            ? new Scenario.Settings(true, 200_000, 1, 3, 5)
            : new Scenario.Settings(false, 2_000_000, 2, 5, 15);
    PrintStream log = System.out;
    Report report = new Report();
    List<Scenario> scenarios = scenarios();
    long t0 = System.nanoTime();
    log.printf(
        "Flow benchmarks, %s mode, %s, %d cores, Java %s, max heap %d MiB%n",
        quick ? "quick" : "full",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    log.printf("load average before: %s%n", Machine.loadAverage());
    for (Scenario sc : scenarios) {
      if (!only.isEmpty() && !only.contains(sc.id())) {
        continue;
      }
      log.printf("%n== %s: %s%n", sc.id(), sc.title());
      long s0 = System.nanoTime();
      sc.run(settings, report, log);
      log.printf("   (%s took %.0f s)%n", sc.id(), (System.nanoTime() - s0) / 1e9);
    }
    log.printf("%nload average after: %s; total %.0f s%n%n", Machine.loadAverage(), (System.nanoTime() - t0) / 1e9);
    report.printTable(log);
    log.println();
    log.println(report.summaryLine());
    log.flush();
    // Flink's local clusters leave non-daemon threads behind.
    System.exit(0);
  }

  static List<Scenario> scenarios() {
    List<Scenario> list = new ArrayList<>();
    list.add(
        new RemapFilterScenario(
            FlowVariant.javaStages(),
            "flow translated from a coded flow with remap and filter written in Java (YAML actions"
                + " not yet available)"));
    return list;
  }
}

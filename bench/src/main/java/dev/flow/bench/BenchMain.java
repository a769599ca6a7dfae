package dev.flow.bench;

import dev.flow.bench.flink.LocalFlink;
import dev.flow.bench.r1.RunRecordingScenario;
import dev.flow.bench.s1.RemapFilterScenario;
import dev.flow.bench.s2.KeyedScenario;
import dev.flow.bench.s3.BareJdkServer;
import dev.flow.bench.s3.BareNettyServer;
import dev.flow.bench.s3.FlowRunWebhook;
import dev.flow.bench.s3.FlowWebhook;
import dev.flow.bench.s3.WebhookScenario;
import dev.flow.bench.s4.CompileScenario;
import dev.flow.bench.s4.YamlCompiler;
import dev.flow.bench.s5.KafkaScenario;
import dev.flow.bench.s6.NexmarkScenario;
import dev.flow.bench.s7.FirstRecordScenario;
import java.io.PrintStream;
import java.nio.file.Path;
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

  public static void main(String[] args) {
    int status = 1;
    try {
      status = run(args);
    } catch (Throwable e) {
      e.printStackTrace();
    } finally {
      // Flink's local cluster leaves non-daemon threads behind; end the JVM either way.
      System.out.flush();
      System.exit(status);
    }
  }

  static int run(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    boolean quick = false;
    boolean fork = false;
    List<String> only = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--fork" -> fork = true;
        case "--only" -> only.addAll(List.of(args[++i].toUpperCase(Locale.ROOT).split(",")));
        case "--profile" -> {
          return Profile.run(args[++i], Integer.getInteger("bench.events", 500_000), System.out);
        }
        default -> {
          System.err.println(
              "usage: bench/run [--quick] [--fork] [--only S1,S2,...] [--jfr NAME --profile s1-flow|s1-hand|s1-loop|s4-yaml]");
          return 2;
        }
      }
    }
    Scenario.Settings settings =
        quick
            ? new Scenario.Settings(true, 200_000, 1, 3, 5)
            : new Scenario.Settings(false, 2_000_000, 2, 5, 15);
    PrintStream log = System.out;
    Report report = new Report();
    List<Scenario> scenarios = scenarios(fork);
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
    log.printf(
        "%nload average after: %s; total %.0f s%n%n",
        Machine.loadAverage(), (System.nanoTime() - t0) / 1e9);
    LocalFlink.stop();
    report.printTable(log);
    log.println();
    log.println(report.summaryLine());
    log.flush();
    return 0;
  }

  static List<Scenario> scenarios(boolean fork) throws Exception {
    List<Scenario> list = new ArrayList<>();
    String flows = System.getProperty("bench.dir", "bench") + "/flows/";
    list.add(
        new RemapFilterScenario(
            "bench/flows/s1-remap-filter.yaml: Remap Fields → Filter (CEL)",
            "same chain with remap and filter coded in Java on the record API",
            fork));
    list.add(new KeyedScenario(flows + "s2-keyed-reduce.yaml"));
    Path root = Path.of(System.getProperty("bench.dir", "bench")).toAbsolutePath().getParent();
    list.add(
        new WebhookScenario(
            List.of(
                BareJdkServer::new,
                BareNettyServer::new,
                FlowWebhook::new,
                () -> new FlowRunWebhook(root)),
            null));
    list.add(new CompileScenario(new YamlCompiler()));
    list.add(
        new KafkaScenario(
            Path.of(flows, "s5-kafka-remap.yaml"), Path.of(System.getProperty("java.io.tmpdir"))));
    list.add(new NexmarkScenario(flows));
    list.add(new RunRecordingScenario(flows + "s1-remap-filter.yaml"));
    list.add(new FirstRecordScenario(root));
    return list;
  }
}

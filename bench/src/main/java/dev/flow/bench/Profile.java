package dev.flow.bench;

import dev.flow.bench.s4.YamlCompiler;
import java.io.PrintStream;

/**
 * Runs one variant over and over, for a profiler to watch: {@code bench/run --jfr NAME --profile
 * s1-flow|s1-hand|s1-loop|s4-yaml}.
 */
final class Profile {
  private Profile() {}

  static int run(String what, int events, PrintStream log) throws Exception {
    switch (what) {
      case "s1-flow", "s1-loop", "s1-hand" -> {
        Events.prepare(events);
        Variant v =
            VariantWorker.make(
                switch (what) {
                  case "s1-loop" -> "s1:loop";
                  case "s1-hand" -> "s1:handwritten";
                  default -> "s1:flow";
                });
        for (int i = 0; i < 6; i++) {
          Variant.Result r = v.run();
          log.printf("%s run %d: %,.0f rec/s%n", what, i + 1, r.rate());
        }
      }
      case "s4-yaml" -> {
        YamlCompiler c = new YamlCompiler();
        for (int i = 0; i < 6; i++) {
          log.printf("%s run %d: %.0f ms%n", what, i + 1, c.compile(1000).totalNanos() / 1e6);
        }
      }
      default -> {
        log.println(
            "unknown profile target " + what + "; use s1-flow, s1-hand, s1-loop or s4-yaml");
        return 2;
      }
    }
    return 0;
  }
}

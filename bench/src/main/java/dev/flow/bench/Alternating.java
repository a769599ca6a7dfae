package dev.flow.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario's variants in the same JVM, in alternating rounds (the order rotates every
 * round), so that a busy machine slows them all alike. Warm-up rounds are run and discarded.
 */
public final class Alternating {
  private Alternating() {}

  /** The median and spread of one variant's measured rounds. */
  public record Stats(String name, double[] rates, Variant.Result last) {

    public double median() {
      double[] r = rates.clone();
      Arrays.sort(r);
      int n = r.length;
      return n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
    }

    public double min() {
      return Arrays.stream(rates).min().orElse(0);
    }

    public double max() {
      return Arrays.stream(rates).max().orElse(0);
    }
  }

  /** Runs every variant {@code warmups + rounds} times and keeps the last {@code rounds}. */
  public static Map<String, Stats> run(
      List<Variant> variants, int warmups, int rounds, PrintStream log) throws Exception {
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    Map<String, Variant.Result> last = new LinkedHashMap<>();
    for (Variant v : variants) {
      rates.put(v.name(), new ArrayList<>());
    }
    int n = variants.size();
    for (int round = 0; round < warmups + rounds; round++) {
      boolean warm = round < warmups;
      for (int k = 0; k < n; k++) {
        Variant v = variants.get((k + round) % n);
        System.gc();
        Variant.Result r = v.run();
        log.printf(
            "  %s round %d %-14s %,10.0f rec/s  in=%d out=%d bytes=%d%n",
            warm ? "warm-up" : "measure",
            warm ? round + 1 : round - warmups + 1,
            v.name(),
            r.rate(),
            r.inputs(),
            r.outputs(),
            r.outBytes());
        if (!warm) {
          rates.get(v.name()).add(r.rate());
        }
        last.put(v.name(), r);
      }
    }
    Map<String, Stats> out = new LinkedHashMap<>();
    for (Variant v : variants) {
      double[] r = rates.get(v.name()).stream().mapToDouble(Double::doubleValue).toArray();
      out.put(v.name(), new Stats(v.name(), r, last.get(v.name())));
    }
    return out;
  }
}

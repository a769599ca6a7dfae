package dev.flow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the report says about the machine it ran on. */
public final class Machine {
  private Machine() {}

  /** The 1, 5 and 15 minute load averages, or "unknown". */
  public static String loadAverage() {
    try {
      String s = Files.readString(Path.of("/proc/loadavg")).trim();
      String[] p = s.split(" ");
      return p[0] + " " + p[1] + " " + p[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}

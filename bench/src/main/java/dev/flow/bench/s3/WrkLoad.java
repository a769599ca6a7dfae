package dev.flow.bench.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Load from {@code wrk} (one thread, a fixed number of connections, bounded in time). */
public final class WrkLoad {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL =
      Pattern.compile("([0-9]+) requests in ([0-9.]+)(us|ms|s|m),");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
  private static final Pattern ERRS =
      Pattern.compile(
          "Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

  private WrkLoad() {}

  /** True when {@code wrk} is on the PATH. */
  public static boolean available() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(5, TimeUnit.SECONDS);
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** POSTs {@code body} for {@code seconds} over {@code connections} connections. */
  public static Load run(URI url, byte[] body, int seconds, int connections, Path workDir)
      throws Exception {
    Path script = workDir.resolve("post.lua");
    String json =
        new String(body, StandardCharsets.UTF_8).replace("\\", "\\\\").replace("\"", "\\\"");
    Files.writeString(
        script,
        "wrk.method = \"POST\"\n"
            + "wrk.body = \""
            + json
            + "\"\n"
            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
    Process p =
        new ProcessBuilder(
                "wrk",
                "-t1",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "5s",
                "--latency",
                "-s",
                script.toString(),
                url.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("wrk did not finish");
    }
    Matcher total = TOTAL.matcher(out);
    if (!total.find() || !RPS.matcher(out).find()) {
      throw new IllegalStateException("cannot read wrk's output:\n" + out);
    }
    long requests = Long.parseLong(total.group(1));
    double secs = toMillis(total.group(2), total.group(3)) / 1000.0;
    long errors = 0;
    Matcher n = NON2XX.matcher(out);
    if (n.find()) {
      errors += Long.parseLong(n.group(1));
    }
    Matcher e = ERRS.matcher(out);
    if (e.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(e.group(g));
      }
    }
    return new Load("wrk", requests, secs, percentile(out, "50%"), percentile(out, "99%"), errors);
  }

  private static double percentile(String out, String label) {
    Matcher m =
        Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s|m)\\b").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no " + label + " latency in wrk's output:\n" + out);
    }
    return toMillis(m.group(1), m.group(2));
  }

  private static double toMillis(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "us" -> v / 1000;
      case "ms" -> v;
      case "s" -> v * 1000;
      case "m" -> v * 60_000;
      default -> throw new IllegalArgumentException(unit);
    };
  }
}

package dev.flow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A variant that runs in a JVM of its own, started on first use and kept for every round, so that
 * no other variant's code shares its JIT profiles (the reason JMH forks by default). The rounds are
 * still driven by {@link Alternating} in rotating order, one variant at a time, so a busy machine
 * still slows them all alike. The child is built by {@link VariantWorker} from a spec such as
 * {@code s1:handwritten}, with the parent's JVM flags (without a flight recording) and class path,
 * and prepares its own copy of the events from the same seed.
 */
public final class ForkedVariant implements Variant, AutoCloseable {
  private final String name;
  private final String spec;
  private final int events;
  private Process child;
  private Writer toChild;
  private BufferedReader fromChild;

  public ForkedVariant(String name, String spec, int events) {
    this.name = name;
    this.spec = spec;
    this.events = events;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result run() throws Exception {
    if (child == null) {
      start();
    }
    toChild.write("run\n");
    toChild.flush();
    String line;
    while ((line = fromChild.readLine()) != null) {
      if (line.startsWith(VariantWorker.RESULT)) {
        String[] f = line.substring(VariantWorker.RESULT.length()).trim().split(" ");
        return new Result(
            Long.parseLong(f[0]),
            Long.parseLong(f[1]),
            Long.parseLong(f[2]),
            Long.parseLong(f[3]),
            Long.parseLong(f[4]));
      }
      if (line.startsWith(VariantWorker.FAILED)) {
        throw new IllegalStateException(
            name + " failed in its JVM: " + line.substring(VariantWorker.FAILED.length()));
      }
    }
    throw new IllegalStateException(
        name + ": its JVM ended without a result (exit " + child.waitFor() + ")");
  }

  private void start() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-XX:StartFlightRecording")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(VariantWorker.class.getName());
    cmd.add(spec);
    cmd.add(Integer.toString(events));
    child =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
    fromChild =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws Exception {
    if (child != null) {
      try {
        toChild.close();
      } catch (IOException ignored) {
        // The child is going anyway.
      }
      if (!child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
      child = null;
    }
  }
}

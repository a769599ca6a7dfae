package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code flow} in a JVM of its own, stopped as Ctrl-C stops it. */
record FlowProcess(Process process, Path outFile, Path errFile) {
  static FlowProcess start(Path dir, String... args) throws IOException {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-"))
            .toList());
    // As ./flow does: Flink's log in a file, the flow's records alone on stdout.
    command.add(
        "-Dlog4j.configurationFile=" + Path.of("conf/log4j2-local.properties").toAbsolutePath());
    command.add("-Dflow.log.file=" + dir.resolve("flow.log"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.flow.job.cli.FlowCli");
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new FlowProcess(p, out, err);
  }

  void awaitOut(int lines) throws Exception {
    await(() -> out().lines().count() >= lines);
  }

  /** Waits while the process runs until {@code done} holds; fails if the process ends first. */
  void await(Check done) throws Exception {
    while (!done.holds()) {
      assertThat(process.isAlive()).as(out() + err()).isTrue();
      Thread.sleep(50);
    }
  }

  /** A condition on what the process printed so far. */
  interface Check {
    boolean holds() throws IOException;
  }

  void stop() throws Exception {
    process.destroy(); // SIGTERM: the shutdown hook cancels the job, which keeps its checkpoint
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  String out() throws IOException {
    return Files.readString(outFile, StandardCharsets.UTF_8);
  }

  String err() throws IOException {
    return Files.readString(errFile, StandardCharsets.UTF_8);
  }
}

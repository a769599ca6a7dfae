package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.job.local.RetainedCheckpoints;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flow run --resume} restores a watching file flow from the last checkpoint kept in its
 * checkpoint folder: after a stop, a file read before is not read again, a new one is.
 */
class ResumeITCase {

  @TempDir Path tmp;

  @Test
  void aResumedRunReadsOnlyTheNewFile() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path ck = tmp.resolve("checkpoints");
    Path flow = tmp.resolve("watch.yaml");
    Files.writeString(
        flow,
        """
        name: watch
        settings:
          checkpointing: {interval: 200ms, directory: "CK"}
        stages:
          - name: files
            action: Read File
            props: {path: "IN", watch: 100ms}
            out: [print]
          - {name: print, action: Log}
        """
            .replace("CK", ck.toUri().toString())
            .replace("IN", in.toString()));
    Files.writeString(in.resolve("a.jsonl"), "{\"n\":1}\n{\"n\":2}\n");

    Run first = Run.start(tmp.resolve("first"), "run", "--no-progress", flow.toString());
    first.awaitOut(2);
    Path before = awaitCheckpointAfter(ck, Optional.empty());
    awaitCheckpointAfter(ck, Optional.of(before)); // one taken after both lines were printed
    first.stop();
    assertThat(first.out()).isEqualTo("{\"n\":1}\n{\"n\":2}\n");

    Files.writeString(in.resolve("b.jsonl"), "{\"n\":3}\n");
    Run resumed =
        Run.start(tmp.resolve("resumed"), "run", "--no-progress", "--resume", flow.toString());
    resumed.awaitOut(1);
    awaitCheckpointAfter(ck, RetainedCheckpoints.latest(ck));
    resumed.stop();
    assertThat(resumed.out()).isEqualTo("{\"n\":3}\n");
    assertThat(resumed.err()).contains("resuming from " + ck);
  }

  @Test
  void withoutACheckpointFolderResumeSaysWhatToSet() throws Exception {
    Path flow = tmp.resolve("plain.yaml");
    Files.writeString(
        flow,
        """
        name: plain
        stages:
          - {name: in, action: Inline Records, props: {records: [{n: 1}]}, out: [print]}
          - {name: print, action: Log}
        """);
    CliRunner.Result r = CliRunner.run("run", "--resume", flow.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "flow run --resume: the flow keeps no checkpoints; set"
                + " settings.checkpointing.directory to a local folder\n");
  }

  @Test
  void anEmptyCheckpointFolderIsNamed() throws Exception {
    Path ck = Files.createDirectories(tmp.resolve("ck"));
    Path flow = tmp.resolve("plain.yaml");
    Files.writeString(
        flow,
        """
        name: plain
        settings:
          checkpointing: {directory: "CK"}
        stages:
          - {name: in, action: Inline Records, props: {records: [{n: 1}]}, out: [print]}
          - {name: print, action: Log}
        """
            .replace("CK", ck.toUri().toString()));
    CliRunner.Result r = CliRunner.run("run", "--resume", flow.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "flow run --resume: no complete checkpoint in "
                + ck
                + "; run without --resume to start from the beginning\n");
  }

  /** Waits until a complete checkpoint newer than {@code than} is in the folder. */
  private static Path awaitCheckpointAfter(Path ck, Optional<Path> than) throws Exception {
    while (true) {
      Optional<Path> now = RetainedCheckpoints.latest(ck);
      if (now.isPresent() && !now.equals(than)) {
        return now.get();
      }
      Thread.sleep(50);
    }
  }

  /** {@code flow} in a JVM of its own, stopped as Ctrl-C stops it. */
  private record Run(Process process, Path outFile, Path errFile) {
    static Run start(Path dir, String... args) throws IOException {
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
      return new Run(p, out, err);
    }

    void awaitOut(int lines) throws Exception {
      while (out().lines().count() < lines) {
        assertThat(process.isAlive()).as(err()).isTrue();
        Thread.sleep(50);
      }
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
}

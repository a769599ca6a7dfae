package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.job.local.RetainedCheckpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

    FlowProcess first =
        FlowProcess.start(tmp.resolve("first"), "run", "--no-progress", flow.toString());
    first.awaitOut(2);
    Path before = awaitCheckpointAfter(ck, Optional.empty());
    awaitCheckpointAfter(ck, Optional.of(before)); // one taken after both lines were printed
    first.stop();
    assertThat(first.out()).isEqualTo("{\"n\":1}\n{\"n\":2}\n");

    Files.writeString(in.resolve("b.jsonl"), "{\"n\":3}\n");
    FlowProcess resumed =
        FlowProcess.start(
            tmp.resolve("resumed"), "run", "--no-progress", "--resume", flow.toString());
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
}

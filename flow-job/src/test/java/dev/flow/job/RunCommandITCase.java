package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flow run} on an embedded Flink: the records that land in files, exactly. */
class RunCommandITCase {

  @TempDir Path tmp;

  @Test
  void inlineRemapWriteToFileWritesExactlyTheExpectedLines() throws Exception {
    Path out = tmp.resolve("out");
    Path params = tmp.resolve("test.yaml");
    Files.writeString(params, "parameters:\n  out: \"" + out + "\"\n");

    CliRunner.Result r =
        CliRunner.run(
            "run",
            "src/test/resources/flows/inline-remap-file.yaml",
            "--params",
            params.toString(),
            "--no-progress");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(lines(out))
        .containsExactlyInAnyOrder(
            "{\"id\":1,\"customer\":{\"email\":\"***\"},\"customer_name\":\"Ada\"}",
            "{\"id\":2,\"customer\":{\"email\":\"***\"},\"customer_name\":\"Bob\"}",
            "{\"id\":3,\"customer\":{\"email\":\"***\"},\"customer_name\":\"Cyd\"}");
  }

  @Test
  void errorRecordsOfTheDefaultLogErrorStageGoToStderrAndRecordsToStdout() throws Exception {
    Path flow = tmp.resolve("log-errors.yaml");
    Files.writeString(
        flow,
        """
        name: Log errors
        stages:
          - name: in
            action: Inline Records
            props:
              records:
                - {id: 1, amount: "5"}
                - {id: 2, amount: x}
            out: [parse]
          - name: parse
            action: Map
            props:
              fields: {n: int(amount)}
            out: [print]
          - name: print
            action: Log
        """);
    CliRunner.Result r = CliRunner.run("run", flow.toString(), "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("{\"id\":1,\"amount\":\"5\",\"n\":5}");
    assertThat(r.err())
        .contains("\"stage\":\"parse\"")
        .contains("\"record\":{\"id\":2,\"amount\":\"x\"}");
  }

  @Test
  void anInvalidFlowIsNotRunAndExitsOne() {
    CliRunner.Result r = CliRunner.run("run", "src/test/resources/flows/broken.yaml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("unknown action 'Remap Feilds'");
  }

  private static List<String> lines(Path dir) throws Exception {
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        assertThat(f.getFileName().toString()).doesNotStartWith(".").endsWith(".jsonl");
        all.addAll(Files.readAllLines(f));
      }
    }
    return all;
  }
}

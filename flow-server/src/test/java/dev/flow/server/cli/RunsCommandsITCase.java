package dev.flow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.job.CliRunner;
import dev.flow.server.testing.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** flow trigger, flow runs and flow errors against a real server and its local environment. */
class RunsCommandsITCase {
  @RegisterExtension static final CliServer SERVER = new CliServer();

  private static CliRunner.Result flow(String... args) {
    return SERVER.flow(args);
  }

  @Test
  void triggerThenRunsThenErrorsThenReplay() throws Exception {
    Path dir = Stores.freshData();
    Path f =
        Files.writeString(
            dir.resolve("big.yaml"),
            """
            name: big
            settings:
              errors:
                policy: STAGE_RECORD
            stages:
              - name: in
                action: Inline Records
                props:
                  records: [{amount: 1}]
                out: [big orders]
              - name: big orders
                action: Filter
                props:
                  condition: amount > 100
                out: [print]
              - name: print
                action: Log
                props: {}
                out: []
            """);
    assertThat(flow("push", f.toString()).out()).isEqualTo("big: version 1 (created)\n");
    Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"amount\":150}\n{\"other\":1}\n");
    CliRunner.Result t = flow("trigger", "big", "--input", input.toString(), "--wait");
    // Each posted record starts a run of its own: one passes the filter, one fails in it.
    assertThat(t.exitCode()).isEqualTo(1);
    assertThat(t.out())
        .matches("(?s)run \\S+\nrun \\S+\n.*")
        .containsPattern("run \\S+: success, 1 published, 0 errors\n")
        .contains(
            ": error, 0 published, 1 errors (big orders: no field 'amount' in the record"
                + " (in expression \"amount > 100\" at column 1))\n");

    CliRunner.Result runs = flow("runs", "big");
    assertThat(runs.exitCode()).isZero();
    assertThat(runs.out()).contains("(manual)").contains("2 runs: 1 succeeded, 1 failed");

    CliRunner.Result errors = flow("errors", "big", "--stage", "big orders");
    assertThat(errors.out()).contains("big orders").contains("no field 'amount'");
  }
}

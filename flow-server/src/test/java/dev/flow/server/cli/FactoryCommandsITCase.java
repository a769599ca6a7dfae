package dev.flow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.job.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code flow factory push} and {@code flow factory deploy NAME --env} against a real server. */
class FactoryCommandsITCase {
  @RegisterExtension static final CliServer SERVER = new CliServer();

  private static CliRunner.Result flow(String... args) {
    return SERVER.flow(args);
  }

  @Test
  void pushTheExampleFolderThenDeployByName() {
    CliRunner.Result pushed = flow("factory", "push", "../examples/factory", "-m", "first");
    assertThat(pushed.exitCode()).as(pushed.err()).isZero();
    assertThat(pushed.out())
        .isEqualTo(
            "Signups: version 1\n"
                + "  Signup intake: version 1\n"
                + "  Signup enrichment: version 1\n"
                + "  Daily signup metrics: version 1\n");
    assertThat(flow("factory", "push", "../examples/factory").out())
        .startsWith("Signups: version 2\n");

    CliRunner.Result noEnv = CliRunner.run("factory", "deploy", "Signups");
    assertThat(noEnv.exitCode()).isEqualTo(2);
    assertThat(noEnv.err())
        .isEqualTo(
            "flow factory deploy: Signups is not a file; to deploy a catalog factory through the"
                + " server, give --env\n");

    CliRunner.Result failed = flow("factory", "deploy", "Signups", "--env", "nope");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains("404 Not found: no environment nope; nothing was started");
    CliRunner.Result unknown = flow("factory", "deploy", "Nope", "--env", "local");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("no factory named 'Nope' in project 'default'");
  }
}

package dev.flow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.client.model.Deployment;
import dev.flow.client.model.Flow;
import dev.flow.job.CliRunner;
import dev.flow.server.testing.Stores;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deployment commands of the {@code flow} CLI against a real server in this JVM, whose local
 * environment runs the flows on an embedded Flink: env, deploy, status, stop, upgrade (compatible,
 * and a refused incompatible one), rollback; exact outputs.
 */
class DeployCommandsITCase {
  @RegisterExtension static final CliServer SERVER = new CliServer();

  private static CliRunner.Result flow(String... args) {
    return SERVER.flow(args);
  }

  /** An unbounded flow: a webhook on a free port, a Deduplicate stage called {@code dedupe}. */
  static String webhook(int port, String dedupe, boolean tag) {
    return """
        name: hooks
        stages:
          - name: form
            action: Webhook
            props:
              path: /forms
              port: %d
            out: [%s]
          - name: %s
            action: Deduplicate
            props:
              keyField: id
              ttl: 1h
            out: [%s]
        %s
          - name: print
            action: Log
            props: {}
            out: []
        """
        .formatted(
            port,
            dedupe,
            dedupe,
            tag ? "tag" : "print",
            tag
                ? "  - name: tag\n    action: Remap Fields\n    props:\n      rename: {a: b}\n"
                    + "    out: [print]"
                : "");
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static Deployment awaitState(String id, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Deployment d = SERVER.client().deployments().get(id);
    while (!state.equals(d.liveState()) && System.nanoTime() < deadline) {
      Thread.sleep(300);
      d = SERVER.client().deployments().get(id);
    }
    assertThat(d.liveState()).isEqualTo(state);
    return d;
  }

  static String status(Deployment d) {
    StringBuilder s =
        new StringBuilder(
            "hooks v" + d.version() + " on " + d.environment() + ": " + d.liveState() + "\n");
    if (d.liveJobId() != null) {
      s.append("  job id:     ").append(d.liveJobId()).append("\n");
    }
    if (d.engine() != null && d.engine().webUrl() != null) {
      s.append("  Flink UI:   ").append(d.engine().webUrl()).append("\n");
    }
    if (d.savepoint() != null) {
      s.append("  savepoint:  ").append(d.savepoint()).append("\n");
    }
    return s.toString();
  }

  @Test
  void envLsCreateGetRm() {
    CliRunner.Result created =
        flow("env", "create", "spare", "--kind", "local", "--set", "slots=2");
    assertThat(created.err()).isEmpty();
    assertThat(created.out()).isEqualTo("spare: created (local)\n");
    CliRunner.Result ls = flow("env", "ls");
    assertThat(ls.out())
        .isEqualTo(
            String.format("%-20s %s%n", "NAME", "KIND")
                + String.format("%-20s %s%n", "local", "local")
                + String.format("%-20s %s%n", "spare", "local"));
    assertThat(flow("env", "get", "spare").out())
        .isEqualTo("name: spare\nkind: local\nconfig:\n  slots: 2\n");
    assertThat(flow("env", "rm", "spare").out()).isEqualTo("spare: deleted\n");
    CliRunner.Result gone = flow("env", "get", "spare");
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).startsWith("flow env get: 404 ");
  }

  @Test
  void deployStatusUpgradeRefusedUpgradeRollbackStop() throws Exception {
    int port = freePort();
    Path dir = Stores.freshData();
    Path v1 = Files.writeString(dir.resolve("hooks.yaml"), webhook(port, "unique", false));
    CliRunner.Result deployed = flow("deploy", v1.toString(), "--env", "local");
    assertThat(deployed.err()).isEmpty();
    assertThat(deployed.exitCode()).isZero();
    assertThat(deployed.out()).startsWith("hooks: version 1 (created)\nhooks v1 on local: ");
    Flow f = SERVER.client().flows().byName(null, "hooks");
    String id = SERVER.client().deployments().list(f.id()).get(0).id();
    Deployment running = awaitState(id, "RUNNING");
    assertThat(flow("status", "hooks").out()).isEqualTo(status(running));

    CliRunner.Result notThere = flow("status", "hooks", "--env", "elsewhere");
    assertThat(notThere.exitCode()).isEqualTo(1);
    assertThat(notThere.err())
        .isEqualTo(
            "flow status: hooks is not deployed to elsewhere; deploy it with: flow deploy hooks"
                + " --env elsewhere\n");

    Files.writeString(v1, webhook(port, "unique", true));
    assertThat(flow("push", v1.toString()).out()).isEqualTo("hooks: version 2 (updated from 1)\n");
    Files.writeString(v1, webhook(port, "dedupe", true));
    assertThat(flow("push", v1.toString()).out()).isEqualTo("hooks: version 3 (updated from 2)\n");

    CliRunner.Result up = flow("upgrade", "hooks", "--to", "2");
    assertThat(up.err()).isEmpty();
    assertThat(up.exitCode()).isZero();
    assertThat(up.out()).startsWith("hooks v2 on local: ");
    Deployment v2 = awaitState(id, "RUNNING");

    CliRunner.Result refused = flow("upgrade", "hooks", "--to", "3");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err())
        .isEqualTo(
            "flow upgrade: 409 The upgrade would lose state: version 3 cannot restore a savepoint"
                + " of version 2; nothing was changed. Pass allowStateLoss: true to drop that"
                + " state.\n"
                + "hooks.yaml:9:5: error: stage \"dedupe\" (Deduplicate): renamed from"
                + " \"unique\"? The savepoint's state of \"unique\" (the keys seen within ttl)"
                + " would be dropped, and this stage would start empty; keep the name \"unique\""
                + " to keep the state\n"
                + "1 error, 0 warnings\n"
                + "flow upgrade: --allow-state-loss upgrades anyway and drops that state\n");
    assertThat(awaitState(id, "RUNNING").liveJobId()).isEqualTo(v2.liveJobId());

    CliRunner.Result back = flow("rollback", "hooks");
    assertThat(back.err()).isEmpty();
    assertThat(back.out()).startsWith("hooks v1 on local: ");
    awaitState(id, "RUNNING");

    CliRunner.Result stopped = flow("stop", "hooks", "--savepoint");
    assertThat(stopped.err()).isEmpty();
    assertThat(stopped.out()).startsWith("hooks v1 on local: STOPPED\n").contains("  savepoint:  ");
  }
}

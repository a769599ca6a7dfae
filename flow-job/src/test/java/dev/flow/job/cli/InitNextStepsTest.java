package dev.flow.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The commands {@code flow init} prints work as printed, with or without flow on the PATH. */
class InitNextStepsTest {

  @Test
  void withoutFlowOnThePathTheLauncherIsNamedAndTheWayToThePathIsShown() throws Exception {
    Path empty = Files.createDirectories(Path.of("target/init-next/empty"));
    assertThat(
            InitCommand.nextSteps(
                Path.of("shop"), "flows/orders.yaml", "/opt/flow/flow", empty.toString()))
        .containsExactly(
            "Next:",
            "  cd shop && /opt/flow/flow test flows/",
            "  cd shop && /opt/flow/flow run flows/orders.yaml --params params/local.yaml   (see"
                + " README.md)",
            "",
            "'flow' is not on your PATH. To call it as 'flow', link the launcher into a folder",
            "that is, e.g.:",
            "  mkdir -p ~/.local/bin && ln -sf /opt/flow/flow ~/.local/bin/flow",
            "  export PATH=\"$HOME/.local/bin:$PATH\"   (add this line to ~/.bashrc or ~/.zshrc)");
  }

  @Test
  void withFlowOnThePathTheCommandsSayFlow() throws Exception {
    Path bin = Files.createDirectories(Path.of("target/init-next/bin"));
    Path flow = bin.resolve("flow");
    Files.writeString(flow, "#!/bin/sh\n");
    Files.setPosixFilePermissions(flow, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(
            InitCommand.nextSteps(
                Path.of("."), "flows/orders.yaml", "/opt/flow/flow", "/nowhere:" + bin))
        .containsExactly(
            "Next:",
            "  flow test flows/",
            "  flow run flows/orders.yaml --params params/local.yaml   (see README.md)");
  }
}

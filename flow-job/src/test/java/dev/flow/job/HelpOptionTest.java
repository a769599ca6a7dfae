package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.job.cli.FlowCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command of {@code flow} takes {@code --help} and {@code -h}. */
class HelpOptionTest {

  @Test
  void everyCommandTakesHelp() {
    CommandLine cli = new CommandLine(new FlowCli());
    assertThat(cli.getSubcommands()).containsKey("run");
    for (String name : cli.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      for (String option : new String[] {"--help", "-h"}) {
        CliRunner.Result r = CliRunner.run(name, option);
        assertThat(r.exitCode()).as("flow %s %s: %s", name, option, r.err()).isZero();
        assertThat(r.out()).as("flow %s %s", name, option).startsWith("Usage: flow " + name);
      }
    }
  }
}

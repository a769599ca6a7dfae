package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.job.cli.FlowCli;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command of {@code flow}, subcommands included, takes {@code --help} and {@code -h}. */
class HelpOptionTest {

  @Test
  void everyCommandTakesHelp() {
    CommandLine cli = new CommandLine(new FlowCli());
    assertThat(cli.getSubcommands()).containsKey("run");
    check(cli, List.of());
  }

  /** The subcommands of {@code parent}, at {@code path}, and theirs in turn. */
  private static void check(CommandLine parent, List<String> path) {
    for (var e : parent.getSubcommands().entrySet()) {
      String name = e.getKey();
      if (name.equals("help") || !e.getValue().getCommandName().equals(name)) {
        continue; // the help command, and aliases (checked under their names)
      }
      List<String> here = new ArrayList<>(path);
      here.add(name);
      for (String option : new String[] {"--help", "-h"}) {
        List<String> args = new ArrayList<>(here);
        args.add(option);
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        String command = String.join(" ", here);
        assertThat(r.exitCode()).as("flow %s %s: %s", command, option, r.err()).isZero();
        assertThat(r.out()).as("flow %s %s", command, option).startsWith("Usage: flow " + command);
      }
      check(e.getValue(), here);
    }
  }
}

package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A project made by {@code flow init} passes its own tests with {@code flow test}, and the commands
 * its README gives run as written.
 */
class InitProjectITCase {

  @ParameterizedTest
  @CsvSource({
    "kafka, flows/orders.test.yaml, valid orders are tidied and get a total",
    "webhook, flows/signups.test.yaml, a sign-up gets its domain and a hashed email"
  })
  void theGeneratedProjectPassesItsOwnTests(
      String template, String testFile, String firstCase, @TempDir Path tmp) {
    Path dir = tmp.resolve("p");
    assertThat(CliRunner.run("init", dir.toString(), "--template", template).exitCode()).isZero();

    CliRunner.Result r = CliRunner.run("test", dir.resolve("flows").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(dir.resolve(testFile) + "\n  PASS " + firstCase + "\n")
        .contains(" 0 failed")
        .doesNotContain("FAIL");
  }

  /**
   * Every {@code flow} command of the README's blocks that needs no broker or server (not {@code
   * run}, which serves or reads until stopped) runs as written in the project's folder.
   */
  @ParameterizedTest
  @CsvSource({"kafka", "webhook"})
  void theReadmesLocalCommandsRunAsWritten(String template, @TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("p");
    assertThat(CliRunner.run("init", dir.toString(), "--template", template).exitCode()).isZero();
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(dir.resolve("README.md"))) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock && line.startsWith("flow ")) {
        commands.add(line.replaceFirst("\\s+#.*$", ""));
      }
    }
    assertThat(commands).anyMatch(c -> c.startsWith("flow preview "));
    for (String command : commands) {
      String[] words = command.split("\\s+");
      if (words[1].equals("run") || words[1].equals("--version")) {
        continue;
      }
      List<String> args = new ArrayList<>();
      for (int i = 1; i < words.length; i++) {
        String w = words[i];
        boolean file = !w.startsWith("-") && (w.contains("/") || w.contains("."));
        args.add(file ? dir.resolve(w).toString() : w);
      }
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(command + "\n" + r.out() + r.err()).isZero();
    }
  }
}

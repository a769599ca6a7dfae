package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A project made by {@code flow init} passes its own tests with {@code flow test}. */
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
}

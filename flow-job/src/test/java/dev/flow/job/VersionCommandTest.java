package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;

/**
 * {@code flow --version} prints the versions the build used, Flink's as Flink itself reports it.
 */
class VersionCommandTest {

  @Test
  void printsFlowsAndFlinksVersions() {
    CliRunner.Result r = CliRunner.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Flow "
                + System.getProperty("flow.expected.version", "0.1.0-SNAPSHOT")
                + "\nFlink "
                + EnvironmentInformation.getVersion()
                + "\n");
  }
}

package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code flow diff} and {@code flow validate --against}: the exact findings and exit codes. */
class DiffCommandTest {
  private static final String DIR = "src/test/resources/upgrade/";
  private static final String OLD = DIR + "old.yaml";
  private static final String CANNOT_REUSE =
      "the savepoint's state for this stage cannot be reused";

  @Test
  void renamedReduceIsBreakingAndNamesItsOldName() {
    CliRunner.Result r = CliRunner.run("diff", OLD, DIR + "renamed.yaml");
    assertThat(r.out())
        .isEqualTo(
            DIR
                + "renamed.yaml:16:5: error: stage \"Sums\" (Reduce): renamed from \"Totals\"? The"
                + " savepoint's state of \"Totals\" (open windows and their partial aggregates, per"
                + " key) would be dropped, and this stage would start empty; keep the name"
                + " \"Totals\" to keep the state\n"
                + DIR
                + "renamed.yaml:24:5: warning: stage \"unique\" (Deduplicate): ttl changed from 1h"
                + " to 2h; the state is kept and used with it\n"
                + "1 change breaks restoring a savepoint of "
                + OLD
                + " into "
                + DIR
                + "renamed.yaml\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void changedKeyAndWindowOfAReduceAreBreaking() {
    CliRunner.Result r = CliRunner.run("diff", OLD, DIR + "rekeyed.yaml");
    assertThat(r.out())
        .contains(
            DIR
                + "rekeyed.yaml:16:5: error: stage \"Totals\" (Reduce): key changed from"
                + " record.customer to record.region; "
                + CANNOT_REUSE
                + "\n")
        .contains(
            DIR
                + "rekeyed.yaml:16:5: error: stage \"Totals\" (Reduce): size changed from 1m to 5m; "
                + CANNOT_REUSE
                + "\n")
        .endsWith(
            "2 changes break restoring a savepoint of " + OLD + " into " + DIR + "rekeyed.yaml\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void removedStatefulStageIsLocatedInTheOldFlow() {
    CliRunner.Result r = CliRunner.run("diff", OLD, DIR + "removed.yaml");
    assertThat(r.out())
        .startsWith(
            OLD
                + ":31:5: error: stage \"batches\" (Accumulate): stateful stage removed; the"
                + " savepoint's state for this stage (open batches, per key) would be dropped;"
                + " restoring then needs --allowNonRestoredState\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void changedActionOfAStatefulStageIsBreaking() {
    CliRunner.Result r = CliRunner.run("diff", OLD, DIR + "action-changed.yaml");
    assertThat(r.out())
        .startsWith(
            DIR
                + "action-changed.yaml:16:5: error: stage \"Totals\" (Accumulate): action changed"
                + " from Reduce to Accumulate; "
                + CANNOT_REUSE
                + "\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void maxParallelismAndParallelismAboveItAreBreaking() {
    CliRunner.Result r = CliRunner.run("diff", OLD, DIR + "scaled.yaml");
    assertThat(r.out())
        .contains(
            DIR
                + "scaled.yaml:3:3: error: settings.maxParallelism changed from 128 to 256; the"
                + " savepoint's state of the stateful stages \"orders\", \"Totals\", \"unique\","
                + " \"batches\" cannot be restored\n")
        .contains(
            DIR
                + "scaled.yaml:18:5: error: stage \"Totals\" (Reduce): parallelism 200 is above the"
                + " savepoint's max parallelism 128; "
                + CANNOT_REUSE
                + "\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void statelessChangesAreCompatible() {
    CliRunner.Result r = CliRunner.run("diff", OLD, DIR + "stateless.yaml");
    assertThat(r.out())
        .isEqualTo(
            DIR
                + "stateless.yaml:16:5: info: stage \"clean\" (Remap Fields): stateless stage"
                + " added\n"
                + "compatible: "
                + DIR
                + "stateless.yaml can restore a savepoint of "
                + OLD
                + "\n");
    assertThat(r.exitCode()).isZero();
    assertThat(CliRunner.run("diff", OLD, OLD).out())
        .isEqualTo("compatible: " + OLD + " can restore a savepoint of " + OLD + "\n");
  }

  @Test
  void invalidFlowExitsTwoWithItsProblems() {
    CliRunner.Result r = CliRunner.run("diff", OLD, "src/test/resources/flows/broken.yaml");
    assertThat(r.out())
        .contains(
            "src/test/resources/flows/broken.yaml:9:13: error: stage \"tidy\": unknown action"
                + " 'Remap Feilds'")
        .endsWith("cannot compare: fix the errors first\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void validateAgainstPrintsTheFindingsAsWarnings() {
    CliRunner.Result r = CliRunner.run("validate", DIR + "rekeyed.yaml", "--against", OLD);
    assertThat(r.out())
        .isEqualTo(
            DIR
                + "rekeyed.yaml:16:5: warning: stage \"Totals\" (Reduce): key changed from"
                + " record.customer to record.region; "
                + CANNOT_REUSE
                + "\n"
                + DIR
                + "rekeyed.yaml:16:5: warning: stage \"Totals\" (Reduce): size changed from 1m to"
                + " 5m; "
                + CANNOT_REUSE
                + "\n"
                + "0 errors, 2 warnings\n");
    assertThat(r.exitCode()).isZero();
    assertThat(CliRunner.run("validate", DIR + "stateless.yaml", "--against", OLD).out())
        .isEqualTo("valid\n");
  }
}

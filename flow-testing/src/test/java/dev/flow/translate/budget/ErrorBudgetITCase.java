package dev.flow.translate.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.testing.CollectSink;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.testing.FlowRun;
import dev.flow.translate.ErrorBudgetExceededException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The error budget of settings.errors on a MiniCluster: past it the job fails, once, for good. */
class ErrorBudgetITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  @TempDir Path dir;

  /** One record that fails in 'parse', then {@code checkFailures} that fail in 'check'. */
  private Path flow(String name, String budget, int checkFailures) throws Exception {
    List<String> records = new ArrayList<>();
    records.add("{id: 0, amount: x, d: 1}");
    for (int i = 1; i <= checkFailures; i++) {
      records.add("{id: " + i + ", amount: \"1\", d: 0}");
    }
    records.add("{id: 99, amount: \"2\", d: 1}");
    Path f = dir.resolve(name + ".yaml");
    Files.writeString(
        f,
        "name: "
            + name
            + "\nsettings:\n  restart: {strategy: fixed-delay, attempts: 5, delay: 100ms}\n"
            + "  errors: "
            + budget
            + "\nstages:\n"
            + "  - name: in\n    action: Inline Records\n    props:\n      records:\n"
            + records.stream().map(r -> "        - " + r + "\n").reduce("", String::concat)
            + "    out: [parse]\n"
            + "  - name: parse\n    action: Map\n    props:\n"
            + "      fields: {n: int(amount)}\n    out: [check]\n"
            + "  - name: check\n    action: Map\n    props:\n"
            + "      fields: {q: n / d}\n    out: [print]\n"
            + "  - name: print\n    action: Log\n");
    return f;
  }

  @Test
  void pastMaxCountTheJobFailsForGoodNamingTheBudgetAndTheStageThatFailedMost() throws Exception {
    Path f = flow("budget-count", "{maxCount: 5, window: 1m}", 9);
    assertThat(FlowRun.problems(f)).isEmpty();
    Throwable thrown = null;
    try {
      FlowRun.run(f, "count", Set.of("print"));
    } catch (Exception e) {
      thrown = e;
    }
    assertThat(thrown).as("the job fails").isNotNull();
    ErrorBudgetExceededException spent =
        ExceptionUtils.findThrowable(thrown, ErrorBudgetExceededException.class).orElseThrow();
    assertThat(spent.getMessage())
        .matches(
            "the error budget is spent: 6 error records within 1m,"
                + " past settings.errors.maxCount: 5; stage 'check' failed most, [56] of 6");
    // Not restarted: a restart would replay the input and spend the budget again.
    assertThat(ExceptionUtils.stringifyException(thrown)).doesNotContain("FixedDelayRestart");
    assertThat(CollectSink.payloads("count/errors")).hasSize(6);
  }

  @Test
  void pastMaxRateTheJobFails() throws Exception {
    Path f = flow("budget-rate", "{maxRate: 0.05, window: 1m}", 4);
    assertThatThrownBy(() -> FlowRun.run(f, "rate", Set.of("print")))
        .satisfies(
            t ->
                assertThat(
                        ExceptionUtils.findThrowable(t, ErrorBudgetExceededException.class)
                            .orElseThrow()
                            .getMessage())
                    .startsWith(
                        "the error budget is spent: 4 error records"
                            + " within 1m, past settings.errors.maxRate: 0.05 per second; stage"
                            + " '"));
  }

  @Test
  void withinTheBudgetTheFlowEndsNormallyWithItsErrorRecords() throws Exception {
    Path f = flow("budget-within", "{maxCount: 5}", 4);
    FlowRun.run(f, "within", Set.of("print"));
    assertThat(CollectSink.payloads("within/errors")).hasSize(5);
    assertThat(CollectSink.payloads("within/print"))
        .containsExactly("{\"id\":99,\"amount\":\"2\",\"d\":1,\"n\":2,\"q\":2}");
  }

  @Test
  void budgetMistakesAreReportedAtTheirSettings() throws Exception {
    Path f = flow("budget-bad", "{maxCount: -1, maxRate: 0, window: 0s}", 1);
    assertThat(FlowRun.problems(f))
        .containsExactly(
            f + ":4:22: error: setting 'errors.maxCount' must be 0 or more, found -1",
            f + ":4:26: error: setting 'errors.maxRate' must be more than 0 (per second)",
            f + ":4:46: error: setting 'errors.window' must be from 1s to 24h, found 0s");
  }
}

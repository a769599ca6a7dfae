package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code flow factory run} without {@code --streaming-for}: the streaming flow is
 * cancelled, the bounded flow waiting for it does not start, and the outcome table is printed.
 */
class FactoryStopITCase {
  @TempDir Path tmp;

  @Test
  void stoppingAFactoryRunCancelsItsFlowsAndReportsTheirOutcomes() throws Exception {
    Files.writeString(
        tmp.resolve("ticker.yaml"),
        """
        name: ticker
        stages:
          - name: ticks
            action: Generator
            props: {fields: {id: seq}, rate: 20}
            out: [drop]
          - name: drop
            action: Trash
            props: {}
        """);
    Files.writeString(
        tmp.resolve("report.yaml"),
        """
        name: report
        stages:
          - name: rows
            action: Inline Records
            props: {records: [{n: 1}]}
            out: [drop]
          - name: drop
            action: Trash
            props: {}
        """);
    Path factory = tmp.resolve("factory.yaml");
    Files.writeString(
        factory,
        """
        name: ticking
        flows:
          - path: ticker.yaml
          - path: report.yaml
            after: [ticker]
        """);
    FlowProcess run = FlowProcess.start(tmp.resolve("run"), "factory", "run", factory.toString());
    run.await(() -> run.out().contains("'ticker' is up, every task running"));
    run.stop();
    String out = run.out();

    assertThat(out)
        .contains("] stopping every flow (Ctrl-C or SIGTERM)\n")
        .contains("] stopped 'ticker' after ")
        .contains("] skipped 'report': stopped first\n");
    String table = out.substring(out.indexOf("flow                             kind"));
    assertThat(table.lines().toList())
        .hasSize(3)
        .satisfies(
            l -> {
              assertThat(l.get(1)).startsWith("ticker").contains(" streaming  stopped ");
              assertThat(l.get(2)).startsWith("report").contains(" bounded    skipped ");
            });
  }
}

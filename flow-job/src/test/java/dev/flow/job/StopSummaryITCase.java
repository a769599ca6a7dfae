package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code flow run} of a flow that never ends prints the stage table a bounded flow prints
 * when it ends, with the counts at the stop, and no "failed" message.
 */
class StopSummaryITCase {
  @TempDir Path tmp;

  @Test
  void stoppingAnEndlessRunPrintsTheStageTableAndNoFailure() throws Exception {
    Path flow = tmp.resolve("ticker.yaml");
    Files.writeString(
        flow,
        """
        name: ticker
        stages:
          - name: ticks
            action: Generator
            props: {fields: {id: seq}, rate: 200}
            out: [odd]
          - name: odd
            action: Filter
            props: {condition: id % 2 == 1}
            out: [drop]
          - name: drop
            action: Trash
            props: {}
        """);
    FlowProcess run = FlowProcess.start(tmp.resolve("run"), "run", flow.toString());
    // A progress line with records through the filter: the run is under way.
    run.await(() -> Pattern.compile("odd: in [1-9]").matcher(run.err()).find());
    run.stop();
    String err = run.err();

    assertThat(err)
        .contains("flow 'ticker' stopped")
        .doesNotContain("failed")
        .doesNotContain("Exception");
    String tail = err.substring(err.indexOf("flow 'ticker' stopped"));
    List<String> lines = tail.lines().toList();
    assertThat(lines.get(0)).isEqualTo("flow 'ticker' stopped; its stages when it stopped:");
    assertThat(lines.get(1))
        .isEqualTo("stage                                in        out   filtered     errors");
    // Each count ends under its heading.
    int inEnd = lines.get(1).indexOf(" in") + 3;
    assertThat(lines.get(2)).startsWith("ticks ").hasSizeGreaterThanOrEqualTo(inEnd);
    assertThat(lines.get(2).charAt(inEnd - 1)).isBetween('0', '9');
    assertThat(lines.get(2).charAt(inEnd)).isEqualTo(' ');
    long ticksOut = row(lines, "ticks")[1];
    long[] odd = row(lines, "odd");
    long[] drop = row(lines, "drop");
    assertThat(ticksOut).isPositive();
    // Every record the filter took in came out or was filtered, and the sink took in what it
    // passed.
    assertThat(odd[0]).isBetween(ticksOut - 2, ticksOut);
    assertThat(odd[1] + odd[2]).isBetween(odd[0] - 1, odd[0]);
    assertThat(odd[2]).isPositive();
    assertThat(drop[0]).isBetween(odd[1] - 1, odd[1]);
    assertThat(run.process().exitValue()).isEqualTo(143); // as a process ended by SIGTERM
  }

  /** The in, out, filtered and errors counts of {@code stage}'s row in the table. */
  private static long[] row(List<String> lines, String stage) {
    Pattern p = Pattern.compile(Pattern.quote(stage) + " +(\\d+) +(\\d+) +(\\d+) +(\\d+)");
    for (String l : lines) {
      Matcher m = p.matcher(l);
      if (m.matches()) {
        return new long[] {
          Long.parseLong(m.group(1)),
          Long.parseLong(m.group(2)),
          Long.parseLong(m.group(3)),
          Long.parseLong(m.group(4))
        };
      }
    }
    throw new AssertionError("no row for stage " + stage + " in:\n" + String.join("\n", lines));
  }
}

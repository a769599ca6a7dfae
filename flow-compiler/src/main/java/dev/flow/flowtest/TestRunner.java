package dev.flow.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.preview.Preview;
import dev.flow.preview.PreviewException;
import dev.flow.preview.PreviewResult;
import dev.flow.preview.StageError;
import dev.flow.preview.StagePreview;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs test cases: each case is a preview of the flow with the case's inputs and mocks, whose stage
 * outputs and error records are then compared with the case's expectations.
 *
 * <p>Triggers the case gives records for read them instead of their source. When the case gives
 * records for some stage, the triggers it does not name emit nothing; when it gives none, triggers
 * that end by themselves (Inline Records, Read File, a Generator with a count) run as written and
 * the others emit nothing.
 */
public final class TestRunner {
  private final Supplier<StreamExecutionEnvironment> environments;
  private final Duration timeout;

  /** A runner that runs each case on a new environment from {@code environments}. */
  public TestRunner(Supplier<StreamExecutionEnvironment> environments, Duration timeout) {
    this.environments = environments;
    this.timeout = timeout;
  }

  /** Runs one case of {@code suite}. */
  public CaseResult run(TestSuite suite, TestCase c) {
    Preview preview =
        c.applyTo(
            Preview.of(suite.flow())
                .limit(0)
                .timeout(timeout)
                .otherTriggers(Preview.OtherTriggers.RUN_BOUNDED));
    PreviewResult result;
    try {
      result = preview.run(environments.get());
    } catch (PreviewException e) {
      return new CaseResult(c.name(), List.of("the flow failed: " + e.getMessage()));
    }
    List<String> failures = new ArrayList<>();
    if (result.timedOut()) {
      failures.add("the flow did not end within " + timeout.toSeconds() + " s");
    }
    for (Map.Entry<String, List<JsonNode>> e : c.expect().entrySet()) {
      StagePreview stage = result.stage(e.getKey());
      List<String> diff = RecordDiff.diff(e.getValue(), stage.output(), c.ordered());
      if (!diff.isEmpty()) {
        failures.add(header(stage, e.getValue().size()) + "\n  " + String.join("\n  ", diff));
      }
    }
    for (Map.Entry<String, List<String>> e : c.expectErrors().entrySet()) {
      String problem = errors(result.stage(e.getKey()), e.getValue());
      if (problem != null) {
        failures.add(problem);
      }
    }
    if (!failures.isEmpty()) {
      String others = unexpectedErrors(result, c);
      if (others != null) {
        failures.add(others);
      }
    }
    return new CaseResult(c.name(), failures);
  }

  private static String header(StagePreview stage, int expected) {
    return "stage \""
        + stage.name()
        + "\": expected "
        + count(expected)
        + ", got "
        + count(stage.output().size());
  }

  private static String count(int n) {
    return n + (n == 1 ? " record" : " records");
  }

  /** Matches each expected message part to one error record of the stage. */
  private static String errors(StagePreview stage, List<String> expected) {
    List<String> messages =
        new ArrayList<>(stage.errors().stream().map(StageError::message).toList());
    List<String> lines = new ArrayList<>();
    for (String part : expected) {
      int at = -1;
      for (int i = 0; i < messages.size() && at < 0; i++) {
        if (messages.get(i).contains(part)) {
          at = i;
        }
      }
      if (at < 0) {
        lines.add("missing:    an error containing \"" + part + "\"");
      } else {
        messages.remove(at);
      }
    }
    messages.forEach(m -> lines.add("unexpected: " + m));
    if (lines.isEmpty()) {
      return null;
    }
    return "errors of stage \""
        + stage.name()
        + "\": expected "
        + expected.size()
        + ", got "
        + stage.errors().size()
        + "\n  "
        + String.join("\n  ", lines);
  }

  /** Error records of stages the case does not check, shown to explain a failure. */
  private static String unexpectedErrors(PreviewResult result, TestCase c) {
    List<String> lines = new ArrayList<>();
    for (StagePreview s : result.stages()) {
      if (!c.expectErrors().containsKey(s.name())) {
        s.errors().forEach(e -> lines.add("stage \"" + s.name() + "\": " + e.message()));
      }
    }
    return lines.isEmpty() ? null : "other error records:\n  " + String.join("\n  ", lines);
  }
}

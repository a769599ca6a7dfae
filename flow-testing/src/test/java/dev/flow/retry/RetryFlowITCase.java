package dev.flow.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.testing.CapturedRun;
import dev.flow.testing.FlowMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The common {@code retry} prop on a custom stage, on by default: transient failures are tried
 * again from the record as it came, a record that still fails after its tries goes to the error
 * stage with their number, and a failure of the record's own goes there at once.
 */
class RetryFlowITCase {

  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  static String flow(String name, int failures, String retry) {
    return """
        name: %s
        stages:
          - name: in
            action: Inline Records
            props: {records: [{id: 1}, {id: 2}]}
            out: [flaky]
          - name: flaky
            action: dev.flow.retry.FlakyTransformFactory
            props:
              name: %s
              failures: %d
              %s
            out: [print]
          - {name: print, action: Log}
        """
        .formatted(name, name, failures, retry);
  }

  @Test
  void transientFailuresAreTriedAgainFromTheUntouchedRecord() throws Exception {
    CapturedRun run =
        CapturedRun.run(
            "retry-passes", flow("retry-passes", 2, "retry: {attempts: 3, backoff: 10ms}"));
    assertThat(run.at("print"))
        .containsExactlyInAnyOrder("{\"id\":1,\"touched\":3}", "{\"id\":2,\"touched\":3}");
    assertThat(run.errors()).isEmpty();
    assertThat(FlakyTransformFactory.tries("retry-passes", 1)).isEqualTo(3);
  }

  @Test
  void aRecordThatStillFailsGoesToTheErrorStage() throws Exception {
    CapturedRun run =
        CapturedRun.run(
            "retry-fails", flow("retry-fails", 5, "retry: {attempts: 2, backoff: 10ms}"));
    assertThat(run.at("print")).isEmpty();
    assertThat(run.errorMessages())
        .containsExactly(
            "service busy (try 2) (after 2 attempts)", "service busy (try 2) (after 2 attempts)");
    assertThat(FlakyTransformFactory.tries("retry-fails", 1)).isEqualTo(2);
    assertThat(FlakyTransformFactory.tries("retry-fails", 2)).isEqualTo(2);
  }

  @Test
  void withoutARetryPropATransientFailureIsTriedAgainByDefault() throws Exception {
    CapturedRun run = CapturedRun.run("retry-default", flow("retry-default", 1, ""));
    assertThat(run.at("print"))
        .containsExactlyInAnyOrder("{\"id\":1,\"touched\":2}", "{\"id\":2,\"touched\":2}");
    assertThat(run.errors()).isEmpty();
    assertThat(FlakyTransformFactory.tries("retry-default", 1)).isEqualTo(2);
  }

  @Test
  void byDefaultARecordThatAlwaysFailsTransientlyIsTriedThreeTimesThenIsAnErrorRecord()
      throws Exception {
    CapturedRun run = CapturedRun.run("retry-default-fails", oneRecord("retry-default-fails", ""));
    assertThat(run.at("print")).isEmpty();
    assertThat(run.errorMessages()).containsExactly("service busy (try 3) (after 3 attempts)");
    assertThat(FlakyTransformFactory.tries("retry-default-fails", 1)).isEqualTo(3);
  }

  @Test
  void aFailureOfTheRecordsOwnIsNotTriedAgain() throws Exception {
    CapturedRun run =
        CapturedRun.run("retry-bad-record", oneRecord("retry-bad-record", "error: record"));
    assertThat(run.at("print")).isEmpty();
    assertThat(run.errorMessages()).containsExactly("field 'id' is not valid (try 1)");
    assertThat(FlakyTransformFactory.tries("retry-bad-record", 1)).isEqualTo(1);
  }

  @Test
  void oneAttemptTurnsRetriesOff() throws Exception {
    CapturedRun run = CapturedRun.run("retry-off", flow("retry-off", 1, "retry: {attempts: 1}"));
    assertThat(run.at("print")).isEmpty();
    assertThat(run.errorMessages()).containsExactly("service busy (try 1)", "service busy (try 1)");
    assertThat(FlakyTransformFactory.tries("retry-off", 1)).isEqualTo(1);
  }

  /** A flow of one record through a stage that fails it 5 times. */
  static String oneRecord(String name, String props) {
    return """
        name: %s
        stages:
          - name: in
            action: Inline Records
            props: {records: [{id: 1}]}
            out: [flaky]
          - name: flaky
            action: dev.flow.retry.FlakyTransformFactory
            props:
              name: %s
              failures: 5
              %s
            out: [print]
          - {name: print, action: Log}
        """
        .formatted(name, name, props);
  }

  @Test
  void retryOnAStageThatDoesNotProcessOneRecordAtATimeIsAWarning() throws Exception {
    var flow =
        CapturedRun.validate(
            """
            name: retry-warn
            stages:
              - name: in
                action: Inline Records
                props: {records: [{id: 1}], retry: {attempts: 2}}
                out: [print]
              - {name: print, action: Log}
            """);
    assertThat(CapturedRun.errors(flow)).isEmpty();
    assertThat(flow.problems())
        .singleElement()
        .asString()
        .contains(
            "prop 'retry' applies to stages that process one record at a time; Inline Records"
                + " does not, and retries by its own props if at all");
  }

  @Test
  void attemptsBelowOneIsAnError() throws Exception {
    assertThat(
            CapturedRun.errors(CapturedRun.validate(flow("retry-bad", 1, "retry: {attempts: 0}"))))
        .singleElement()
        .asString()
        .contains("prop 'retry.attempts' must be 1 or more, found 0");
  }
}

package dev.flow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.testing.FlowMiniCluster;
import dev.flow.validate.ValidatedFlow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The savepoint check at submission, against a real savepoint: a flow stopped with a savepoint on a
 * MiniCluster, then the same flow (nothing to report) and a copy with its Deduplicate stage renamed
 * (the exact refusal) compiled against it.
 */
class SavepointCheckITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = FlowMiniCluster.extension();

  private static final String FLOW =
      """
      name: Savepoint check
      stages:
        - name: gen
          action: Generator
          props: {rate: 50, fields: {id: seq, user: 'choice(a,b,c)'}}
          out: [%s]
        - name: %s
          action: Deduplicate
          props: {keyField: user, ttl: 1h}
          out: [%s]
        - name: %s
          action: Trash
      """;

  @TempDir static Path dir;
  static Path original;
  static Path renamed;
  static Path sinkRenamed;
  static String savepoint;

  @BeforeAll
  static void takeASavepoint() throws Exception {
    original =
        Files.writeString(
            dir.resolve("original.yaml"), FLOW.formatted("dedupe", "dedupe", "discard", "discard"));
    renamed =
        Files.writeString(
            dir.resolve("renamed.yaml"), FLOW.formatted("unique", "unique", "discard", "discard"));
    sinkRenamed =
        Files.writeString(
            dir.resolve("sink-renamed.yaml"), FLOW.formatted("dedupe", "dedupe", "drop", "drop"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FlowCompiler.translate(validate(original), env);
    JobClient job = env.executeAsync("savepoint check");
    long deadline = System.currentTimeMillis() + 60_000;
    while (savepoint == null) {
      try {
        savepoint =
            job.stopWithSavepoint(
                    false,
                    dir.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL)
                .get();
      } catch (Exception notRunningYet) {
        if (System.currentTimeMillis() > deadline) {
          throw notRunningYet;
        }
        Thread.sleep(200);
      }
    }
  }

  @Test
  void theSameFlowRestoresWithoutProblems() throws Exception {
    assertThat(check(original, new Configuration())).isEmpty();
  }

  @Test
  void aRenamedStatefulStageIsRefusedWithItsName() throws Exception {
    List<Problem> problems = check(renamed, new Configuration());
    assertThat(problems.stream().map(Problem::format))
        .containsExactly(
            renamed
                + ": error: the savepoint "
                + savepoint
                + " holds the state of 1 operator that this flow does not have (1 keyed); a"
                + " stateful stage was renamed or removed, and restoring would drop that state",
            renamed
                + ":7:5: error: stage \"unique\" (Deduplicate): has no state in the savepoint, so"
                + " it would start empty; if it was renamed, give it back its old name to keep its"
                + " state (the keys seen within ttl)");
  }

  @Test
  void renamingAStatelessStageKeepsEveryState() throws Exception {
    // Flink's own view agrees: the savepoint holds no state for the Trash stage's operators.
    assertThat(check(sinkRenamed, new Configuration())).isEmpty();
  }

  @Test
  void allowingNonRestoredStateSkipsTheCheck() throws Exception {
    Configuration conf = new Configuration();
    conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
    assertThat(check(renamed, conf)).isEmpty();
  }

  @Test
  void anUnreadableSavepointIsSkippedWithANotice() throws Exception {
    ByteArrayOutputStream notices = new ByteArrayOutputStream();
    Configuration conf = new Configuration();
    conf.set(StateRecoveryOptions.SAVEPOINT_PATH, dir.resolve("no-such-savepoint").toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    ValidatedFlow flow = validate(renamed);
    FlowCompiler.translate(flow, env);
    List<Problem> problems =
        SavepointCheck.problems(flow, env, new PrintStream(notices, true, StandardCharsets.UTF_8));
    assertThat(problems).isEmpty();
    assertThat(notices.toString(StandardCharsets.UTF_8))
        .startsWith(
            "Flow: the savepoint " + dir.resolve("no-such-savepoint") + " cannot be read here (")
        .endsWith("), so its state is not checked against the flow before submission.\n");
  }

  private static List<Problem> check(Path flowFile, Configuration conf) throws Exception {
    conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    ValidatedFlow flow = validate(flowFile);
    FlowCompiler.translate(flow, env);
    return SavepointCheck.problems(flow, env, System.err);
  }

  private static ValidatedFlow validate(Path flowFile) {
    ValidatedFlow flow = FlowCompiler.validate(flowFile.toString(), List.of(), false);
    assertThat(flow.problems()).isEmpty();
    return flow;
  }
}

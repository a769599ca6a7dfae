package dev.flow.flowtest;

import dev.flow.model.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the test files of flows inside a JUnit 5 build, one dynamic test per case, failing with the
 * same diff {@code flow test} prints:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> flows() {
 *   return FlowTests.in(Path.of("flows"));
 * }
 * }</pre>
 *
 * <p>Cases run on {@link StreamExecutionEnvironment#getExecutionEnvironment()}, so a Flink
 * MiniCluster extension in the build is used when there is one. Needs {@code junit-jupiter-api} on
 * the test classpath.
 */
public final class FlowTests {
  private FlowTests() {}

  /**
   * One test per case of every test file under {@code folder} (or of the test file of a flow),
   * named {@code file: case}; an invalid test file is one failing test with its problems.
   */
  public static Stream<DynamicTest> in(Path folder) {
    return in(folder, Duration.ofSeconds(60));
  }

  /** As {@link #in(Path)}, stopping each case after {@code timeout}. */
  public static Stream<DynamicTest> in(Path folder, Duration timeout) {
    TestRunner runner =
        new TestRunner(StreamExecutionEnvironment::getExecutionEnvironment, timeout);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : TestFiles.find(folder)) {
      tests.addAll(cases(file, runner));
    }
    return tests.stream();
  }

  private static List<DynamicTest> cases(Path file, TestRunner runner) {
    String prefix = file.getFileName() + ": ";
    TestFileReader.Result read = TestFileReader.read(file);
    if (read.hasErrors()) {
      String problems =
          read.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
      return List.of(
          DynamicTest.dynamicTest(
              prefix + "invalid test file",
              file.toUri(),
              () -> {
                throw new AssertionError(problems);
              }));
    }
    TestSuite suite = read.suite();
    return suite.cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    prefix + c.name(),
                    file.toUri(),
                    () -> {
                      CaseResult r = runner.run(suite, c);
                      if (!r.passed()) {
                        throw new AssertionError(
                            c.name() + " (" + c.location() + ")\n" + r.report("  "));
                      }
                    }))
        .toList();
  }
}

package dev.flow.job.cli;

import dev.flow.flowtest.CaseResult;
import dev.flow.flowtest.TestCase;
import dev.flow.flowtest.TestFileReader;
import dev.flow.flowtest.TestFiles;
import dev.flow.flowtest.TestRunner;
import dev.flow.job.ProblemPrinter;
import dev.flow.preview.EmbeddedFlink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flow test}: runs the test cases declared beside flows in {@code x.test.yaml} files. */
@Command(
    name = "test",
    description =
        "Run the tests declared beside flows (x.test.yaml): exit 0 when all pass, 1 when one"
            + " fails, 2 on an invalid flow or test file.")
final class TestCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FLOW|DIR",
      description = "A flow (its x.test.yaml), a test file, or a folder (every *.test.yaml).")
  Path target = Path.of(".");

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "The longest one case may run (default: 60).")
  long timeoutSeconds;

  @Override
  public Integer call() {
    List<Path> files;
    try {
      files = TestFiles.find(target);
    } catch (IllegalArgumentException e) {
      System.err.println("flow test: " + e.getMessage());
      return 2;
    }
    if (files.isEmpty()) {
      System.err.println("flow test: no *.test.yaml file under " + target);
      return 2;
    }
    List<TestFileReader.Result> read = files.stream().map(TestFileReader::read).toList();
    int slots = 2;
    for (TestFileReader.Result r : read) {
      if (!r.hasErrors()) {
        slots = Math.max(slots, EmbeddedFlink.slotsFor(r.suite().flow()));
      }
    }
    try (EmbeddedFlink flink = EmbeddedFlink.start(slots)) {
      return run(
          files, read, new TestRunner(flink::environment, Duration.ofSeconds(timeoutSeconds)));
    } catch (Exception e) {
      System.err.println("flow test: the embedded Flink failed: " + e.getMessage());
      return 2;
    }
  }

  static int run(List<Path> files, List<TestFileReader.Result> suites, TestRunner runner) {
    int passed = 0;
    int failed = 0;
    boolean invalid = false;
    for (int i = 0; i < files.size(); i++) {
      System.out.println(files.get(i));
      TestFileReader.Result read = suites.get(i);
      if (read.hasErrors()) {
        ProblemPrinter.printText(read.problems(), System.out);
        invalid = true;
        continue;
      }
      for (TestCase c : read.suite().cases()) {
        CaseResult r = runner.run(read.suite(), c);
        if (r.passed()) {
          passed++;
          System.out.println("  PASS " + c.name());
        } else {
          failed++;
          System.out.println("  FAIL " + c.name() + " (" + c.location() + ")");
          // the records a failed case shows may hold what an expression made of a secret
          SecretMask mask =
              SecretMask.of(read.suite().params().stream().map(java.nio.file.Path::of).toList());
          System.out.print(mask.apply(r.report("    ")));
        }
      }
    }
    System.out.println(
        passed + " passed, " + failed + " failed" + (invalid ? ", invalid test files" : ""));
    return invalid ? 2 : failed > 0 ? 1 : 0;
  }
}

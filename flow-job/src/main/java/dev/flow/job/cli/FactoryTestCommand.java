package dev.flow.job.cli;

import dev.flow.factory.FactoryFlow;
import dev.flow.factory.ValidatedFactory;
import dev.flow.flowtest.TestFileReader;
import dev.flow.flowtest.TestFiles;
import dev.flow.flowtest.TestRunner;
import dev.flow.preview.EmbeddedFlink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flow factory test}: runs the tests beside every flow of a factory ({@code x.test.yaml}
 * beside {@code x.yaml}), upstream first; a test file that names no parameter sets gets the
 * factory's.
 */
@Command(
    name = "test",
    description =
        "Run the tests of every flow of the factory (x.test.yaml beside x.yaml): exit 0 when all"
            + " pass, 1 when one fails, 2 on an invalid factory or test file.")
final class FactoryTestCommand implements Callable<Integer> {

  @Mixin FactoryInput input;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "The longest one case may run (default: 60).")
  long timeoutSeconds;

  @Override
  public Integer call() {
    ValidatedFactory v = input.validOrPrint(System.out);
    if (v == null) {
      return 2;
    }
    List<String> params = v.parameterFiles().stream().map(Path::toString).toList();
    List<Path> files = new ArrayList<>();
    for (int i : v.order()) {
      FactoryFlow f = v.flows().get(i);
      try {
        files.addAll(TestFiles.find(f.file()));
      } catch (IllegalArgumentException e) {
        System.out.println("flow '" + f.name() + "' has no tests: " + e.getMessage());
      }
    }
    if (files.isEmpty()) {
      System.out.println("no flow of the factory has tests");
      return 0;
    }
    List<TestFileReader.Result> read =
        files.stream().map(f -> TestFileReader.read(f, params)).toList();
    int slots = 2;
    for (TestFileReader.Result r : read) {
      if (!r.hasErrors()) {
        slots = Math.max(slots, EmbeddedFlink.slotsFor(r.suite().flow()));
      }
    }
    try (EmbeddedFlink flink = EmbeddedFlink.start(slots)) {
      return TestCommand.run(
          files, read, new TestRunner(flink::environment, Duration.ofSeconds(timeoutSeconds)));
    } catch (Exception e) {
      System.err.println("flow factory test: the embedded Flink failed: " + e.getMessage());
      return 2;
    }
  }
}

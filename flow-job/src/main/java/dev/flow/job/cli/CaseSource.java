package dev.flow.job.cli;

import dev.flow.flowtest.TestCase;
import dev.flow.flowtest.TestFileReader;
import dev.flow.job.ProblemPrinter;
import dev.flow.validate.ValidatedFlow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The test case that {@code flow preview --case FILE[#NAME]} takes its inputs and mocks from, with
 * the test file's validated flow; or the message that says why there is none.
 */
record CaseSource(TestCase testCase, ValidatedFlow flow, String error) {

  static CaseSource read(String spec, Path flowArgument) {
    int hash = spec.indexOf('#');
    Path file = Path.of(hash < 0 ? spec : spec.substring(0, hash));
    String name = hash < 0 ? null : spec.substring(hash + 1);
    TestFileReader.Result r = TestFileReader.read(file);
    if (r.hasErrors()) {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      ProblemPrinter.printText(r.problems(), new PrintStream(text, true, StandardCharsets.UTF_8));
      return failed(text.toString(StandardCharsets.UTF_8));
    }
    var suite = r.suite();
    if (flowArgument != null
        && !flowArgument
            .toAbsolutePath()
            .normalize()
            .equals(suite.flowFile().toAbsolutePath().normalize())) {
      return failed(
          "flow preview: "
              + file
              + " tests "
              + suite.flowFile()
              + ", not "
              + flowArgument
              + "; leave FLOW out to preview the test's flow\n");
    }
    for (TestCase c : suite.cases()) {
      if (name == null || c.name().equals(name)) {
        return new CaseSource(c, suite.flow(), null);
      }
    }
    return failed(
        "flow preview: "
            + file
            + (name == null
                ? " has no test cases\n"
                : " has no case named '"
                    + name
                    + "'; cases: "
                    + String.join(", ", suite.cases().stream().map(TestCase::name).toList())
                    + "\n"));
  }

  private static CaseSource failed(String message) {
    return new CaseSource(null, null, message);
  }
}

package dev.flow.flowtest;

import dev.flow.validate.ValidatedFlow;
import java.nio.file.Path;
import java.util.List;

/**
 * A test file read and checked against its flow.
 *
 * @param file the test file
 * @param flowFile the flow it tests
 * @param flow the validated flow
 * @param cases its cases, in file order
 * @param params the parameter set files the flow was validated with
 */
public record TestSuite(
    Path file, Path flowFile, ValidatedFlow flow, List<TestCase> cases, List<String> params) {

  /** A suite whose flow takes no parameter set files. */
  public TestSuite(Path file, Path flowFile, ValidatedFlow flow, List<TestCase> cases) {
    this(file, flowFile, flow, cases, List.of());
  }
}

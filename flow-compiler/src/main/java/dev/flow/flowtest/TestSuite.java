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
 */
public record TestSuite(Path file, Path flowFile, ValidatedFlow flow, List<TestCase> cases) {}

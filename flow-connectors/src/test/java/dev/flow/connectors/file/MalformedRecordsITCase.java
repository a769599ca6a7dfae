package dev.flow.connectors.file;

import dev.flow.flowtest.FlowTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The flow tests of {@code flows/malformed}: truncated JSON, trailing garbage, bad escapes and bad
 * UTF-8 read from a file reach the error stage with their messages, including records broken after
 * the last field any stage reads and records the filter would have dropped.
 */
class MalformedRecordsITCase {

  @TestFactory
  Stream<DynamicTest> malformedRecordsReachTheErrorStage() {
    return FlowTests.in(Path.of("src/test/resources/flows/malformed"));
  }
}

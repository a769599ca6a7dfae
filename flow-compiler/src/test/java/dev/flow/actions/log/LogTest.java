package dev.flow.actions.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.log.LogOptions.Format;
import dev.flow.actions.log.LogOptions.Stream;
import dev.flow.actions.testing.TestOptions;
import dev.flow.record.FlowRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

class LogTest {
  private static FlowRecord record(String json) {
    return FlowRecord.ofJsonBytes(json.getBytes(StandardCharsets.UTF_8)).runId("r-1");
  }

  @Test
  void jsonIsOneLinePerRecord() {
    LogFormatter f = new LogFormatter(Format.JSON, "print");
    assertThat(f.format(record("{\"a\":1,\"b\":\"x\"}"))).isEqualTo("{\"a\":1,\"b\":\"x\"}");
    // A payload that came with line breaks is still printed on one line.
    assertThat(f.format(record("{\n  \"a\": 1\n}"))).isEqualTo("{\"a\":1}");
  }

  @Test
  void prettyIndents() {
    LogFormatter f = new LogFormatter(Format.PRETTY, "print");
    assertThat(f.format(record("{\"a\":{\"b\":1}}")))
        .isEqualTo("{\n  \"a\" : {\n    \"b\" : 1\n  }\n}".replace("\n", System.lineSeparator()));
  }

  @Test
  void textHasTheStageAndRunId() {
    LogFormatter f = new LogFormatter(Format.TEXT, "print");
    assertThat(f.format(record("{\"a\":1}"))).isEqualTo("print run=r-1 {\"a\":1}");
  }

  @Test
  void aPayloadThatIsNotJsonIsPrintedRawInsteadOfFailing() {
    LogFormatter pretty = new LogFormatter(Format.PRETTY, "print");
    assertThat(pretty.format(record("not json\nat all")))
        .startsWith("(not JSON: ")
        .endsWith(") not json at all");
    LogFormatter json = new LogFormatter(Format.JSON, "print");
    assertThat(json.format(record("[1,\n2]"))).startsWith("(not JSON: ").endsWith(") [1, 2]");
  }

  @Test
  void writerPrintsOneLineEachAndCounts() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SimpleCounter counter = new SimpleCounter();
    LogSink.Writer w =
        new LogSink.Writer(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new LogFormatter(Format.JSON, "print"),
            counter);
    w.write(record("{\"a\":1}"), null);
    w.write(record("{\"a\":2}"), null);
    w.flush(true);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}" + System.lineSeparator() + "{\"a\":2}" + System.lineSeparator());
    assertThat(counter.getCount()).isEqualTo(2);
  }

  @Test
  void defaultsAreStdoutAndJson() {
    LogOptions o = TestOptions.defaults(LogOptions.class);
    assertThat(o.stream()).isEqualTo(Stream.STDOUT);
    assertThat(o.format()).isEqualTo(Format.JSON);
    assertThat(TestOptions.of(LogOptions.class, "{stream: stderr, format: text}"))
        .isEqualTo(new LogOptions(Stream.STDERR, Format.TEXT));
  }
}

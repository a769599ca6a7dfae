package dev.flow.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.actions.testing.RecordedProblems;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.Prop;
import dev.flow.testing.StageHarness;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileActionsTest {

  @Test
  void bothActionsAreRegisteredAndTheirPropsDeclared() {
    List<String> names = new ArrayList<>();
    for (ActionFactory<?> f : ServiceLoader.load(ActionFactory.class)) {
      if (f.getClass().getPackageName().equals("dev.flow.connectors.file")) {
        names.add(f.name() + " (" + f.kind().label() + ")");
        for (RecordComponent c : f.optionsClass().getRecordComponents()) {
          Prop p = c.getAnnotation(Prop.class);
          assertThat(p).as(c.getName()).isNotNull();
          assertThat(p.description()).isNotBlank().endsWith(".");
        }
        assertThat(StageHarness.options(f, "{path: x}")).isNotNull();
      }
    }
    assertThat(names).containsExactlyInAnyOrder("Read File (trigger)", "Write to File (publisher)");
  }

  @Test
  void writeDefaults() {
    WriteFileOptions o = StageHarness.options(new WriteFilePublisherFactory(), "{path: out}");
    assertThat(o)
        .isEqualTo(
            new WriteFileOptions(
                "out",
                null,
                WriteFileOptions.PartitionTime.EVENT,
                "UTC",
                "__null__",
                new dev.flow.spi.DataSize(128L << 20),
                java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(5),
                "part",
                ".jsonl"));
  }

  private static WriteFileOptions write(String yaml) {
    return StageHarness.options(new WriteFilePublisherFactory(), yaml);
  }

  @Test
  void writeValidationReportsEveryProblem() {
    RecordedProblems p = new RecordedProblems();
    new WriteFilePublisherFactory()
        .validate(write("{path: '', partitionBy: 'x={a', prefix: a/b}"), p);
    assertThat(p.lines())
        .containsExactly(
            "error path: path must name a directory",
            "error partitionBy: partitionBy 'x={a' at column 3: a '{' without '}'",
            "error prefix: prefix must not contain '/' or start with '.'");
    RecordedProblems zone = new RecordedProblems();
    new WriteFilePublisherFactory().validate(write("{path: o, timeZone: Nowhere}"), zone);
    assertThat(zone.lines()).containsExactly("error timeZone: unknown time zone 'Nowhere'");
  }

  @Test
  void badSizesAndDurationsAreReportedAtTheirValues() {
    assertThatThrownBy(() -> write("{path: o, rollSize: lots, rollInterval: 0s}"))
        .hasMessage(
            "props:1:21: error: stage \"test\" (Write to File): prop 'rollSize': 'lots' is not a"
                + " size such as 64mb or 1gb\n"
                + "props:1:41: error: stage \"test\" (Write to File): prop 'rollInterval' must be"
                + " 1ms or more, found 0s");
    assertThatThrownBy(() -> write("{path: o, rollSize: 0, inactivity: 0ms}"))
        .hasMessage(
            "props:1:21: error: stage \"test\" (Write to File): prop 'rollSize' must be 1b or"
                + " more, found 0b\n"
                + "props:1:36: error: stage \"test\" (Write to File): prop 'inactivity' must be"
                + " 1ms or more, found 0s");
  }

  /** rollSize takes every size Flink's MemorySize took when it was read as one. */
  @Test
  void rollSizeTakesTheSizesItTookBefore() {
    for (String text :
        List.of(
            "128mb",
            "128MB",
            "128 mb",
            "128m",
            "128mebibytes",
            "1024",
            "1024b",
            "1024 bytes",
            "64k",
            "64kb",
            "64kibibytes",
            "1g",
            "1gb",
            "1gibibytes",
            "1t",
            "1tb",
            "1tebibytes",
            " 7 Kb ")) {
      assertThat(write("{path: o, rollSize: '" + text + "'}").rollSize().bytes())
          .as(text)
          .isEqualTo(MemorySize.parse(text).getBytes());
    }
    assertThat(write("{path: o, rollSize: 1048576}").rollSize().bytes()).isEqualTo(1L << 20);
  }

  @Test
  void readValidation(@TempDir Path dir) {
    RecordedProblems ok = new RecordedProblems();
    new ReadFileTriggerFactory().validate(read("{path: '" + dir + "', glob: '*.jsonl'}"), ok);
    assertThat(ok.lines()).isEmpty();

    RecordedProblems p = new RecordedProblems();
    new ReadFileTriggerFactory()
        .validate(read("{path: '" + dir.resolve("nope") + "', glob: '[a'}"), p);
    assertThat(p.lines()).hasSize(2);
    assertThat(p.lines().get(0))
        .isEqualTo(
            "warning path: there is no file or directory '" + dir.resolve("nope") + "' here (yet)");
    assertThat(p.lines().get(1)).startsWith("error glob: '[a' is not a valid glob: ");

    assertThatThrownBy(() -> read("{path: x, watch: 0s, maxLineBytes: 0}"))
        .hasMessage(
            "props:1:18: error: stage \"test\" (Read File): prop 'watch' must be 1ms or more,"
                + " found 0s\n"
                + "props:1:36: error: stage \"test\" (Read File): prop 'maxLineBytes' must be 1"
                + " or more, found 0");
  }

  private static ReadFileOptions read(String yaml) {
    return StageHarness.options(new ReadFileTriggerFactory(), yaml);
  }

  @Test
  void boundedUnlessWatching() {
    ReadFileTriggerFactory f = new ReadFileTriggerFactory();
    assertThat(f.isBounded(read("{path: x}"))).isTrue();
    assertThat(f.isBounded(read("{path: x, watch: 5s}"))).isFalse();
  }

  @Test
  void pathsWithoutSchemeAreLocalAndAbsolute() {
    assertThat(ReadFileTriggerFactory.path("s3://b/in").toString()).isEqualTo("s3://b/in");
    assertThat(ReadFileTriggerFactory.path("rel/dir").toUri().getScheme()).isEqualTo("file");
    assertThat(ReadFileTriggerFactory.path("rel/dir").toUri().getPath())
        .isEqualTo(new java.io.File("rel/dir").getAbsolutePath());
  }
}

package dev.flow.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.actions.testing.RecordedProblems;
import dev.flow.actions.testing.TestOptions;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.Prop;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
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
        assertThat(TestOptions.defaults(f.optionsClass())).isNotNull();
      }
    }
    assertThat(names).containsExactlyInAnyOrder("Read File (trigger)", "Write to File (publisher)");
  }

  @Test
  void writeDefaults() {
    WriteFileOptions o = TestOptions.of(WriteFileOptions.class, "{path: out}");
    assertThat(o)
        .isEqualTo(
            new WriteFileOptions(
                "out",
                null,
                WriteFileOptions.PartitionTime.EVENT,
                "UTC",
                "__null__",
                "128mb",
                java.time.Duration.ofMinutes(15),
                java.time.Duration.ofMinutes(5),
                "part",
                ".jsonl"));
  }

  @Test
  void writeValidationReportsEveryProblem() {
    RecordedProblems p = new RecordedProblems();
    new WriteFilePublisherFactory()
        .validate(
            TestOptions.of(
                WriteFileOptions.class,
                "{path: '', partitionBy: 'x={a', rollSize: lots, rollInterval: 0s, prefix: a/b}"),
            p);
    assertThat(p.lines())
        .containsExactly(
            "error path: path must name a directory",
            "error partitionBy: partitionBy 'x={a' at column 3: a '{' without '}'",
            "error rollSize: 'lots' is not a size such as 64mb or 1gb",
            "error rollInterval: rollInterval must be positive",
            "error prefix: prefix must not contain '/' or start with '.'");
    RecordedProblems zone = new RecordedProblems();
    new WriteFilePublisherFactory()
        .validate(TestOptions.of(WriteFileOptions.class, "{path: o, timeZone: Nowhere}"), zone);
    assertThat(zone.lines()).containsExactly("error timeZone: unknown time zone 'Nowhere'");
  }

  @Test
  void readValidation(@TempDir Path dir) {
    RecordedProblems ok = new RecordedProblems();
    new ReadFileTriggerFactory()
        .validate(
            TestOptions.of(ReadFileOptions.class, "{path: '" + dir + "', glob: '*.jsonl'}"), ok);
    assertThat(ok.lines()).isEmpty();

    RecordedProblems p = new RecordedProblems();
    new ReadFileTriggerFactory()
        .validate(
            TestOptions.of(
                ReadFileOptions.class,
                "{path: '" + dir.resolve("nope") + "', watch: 0s, glob: '[a', maxLineBytes: 0}"),
            p);
    assertThat(p.lines()).hasSize(4);
    assertThat(p.lines().get(0))
        .isEqualTo(
            "warning path: there is no file or directory '" + dir.resolve("nope") + "' here (yet)");
    assertThat(p.lines().get(1)).isEqualTo("error watch: watch must be at least 1ms, e.g. 10s");
    assertThat(p.lines().get(2)).startsWith("error glob: '[a' is not a valid glob: ");
    assertThat(p.lines().get(3)).isEqualTo("error maxLineBytes: maxLineBytes must be positive");
  }

  @Test
  void boundedUnlessWatching() {
    ReadFileTriggerFactory f = new ReadFileTriggerFactory();
    assertThat(f.isBounded(TestOptions.of(ReadFileOptions.class, "{path: x}"))).isTrue();
    assertThat(f.isBounded(TestOptions.of(ReadFileOptions.class, "{path: x, watch: 5s}")))
        .isFalse();
  }

  @Test
  void pathsWithoutSchemeAreLocalAndAbsolute() {
    assertThat(ReadFileTriggerFactory.path("s3://b/in").toString()).isEqualTo("s3://b/in");
    assertThat(ReadFileTriggerFactory.path("rel/dir").toUri().getScheme()).isEqualTo("file");
    assertThat(ReadFileTriggerFactory.path("rel/dir").toUri().getPath())
        .isEqualTo(new java.io.File("rel/dir").getAbsolutePath());
  }
}

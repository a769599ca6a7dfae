package dev.flow.flowtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds test files: every {@code *.test.yaml} under a folder, or the one beside a flow. */
public final class TestFiles {
  private TestFiles() {}

  /**
   * The test files {@code target} stands for: a folder's {@code *.test.yaml} files (sorted), a test
   * file itself, or the {@code x.test.yaml} beside the flow {@code x.yaml}.
   *
   * @throws IllegalArgumentException when there is no such file or the flow has no test file
   */
  public static List<Path> find(Path target) {
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.walk(target)) {
        return files
            .filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().endsWith(TestFileReader.SUFFIX))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!Files.isRegularFile(target)) {
      throw new IllegalArgumentException("no such file or folder: " + target);
    }
    String name = target.getFileName().toString();
    if (name.endsWith(TestFileReader.SUFFIX)) {
      return List.of(target);
    }
    String base = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    Path beside = target.resolveSibling(base + TestFileReader.SUFFIX);
    if (!Files.isRegularFile(beside)) {
      throw new IllegalArgumentException("no test file " + beside + " beside the flow " + target);
    }
    return List.of(beside);
  }
}

package dev.flow.job.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the last checkpoint Flink kept in a local checkpoint folder, laid out as Flink writes it:
 * {@code DIR/<job id>/chk-<n>/_metadata}.
 */
public final class RetainedCheckpoints {

  private static final Pattern CHK = Pattern.compile("chk-(\\d+)");

  private RetainedCheckpoints() {}

  /** The local folder of {@code directory}, a path or a {@code file:} URI; empty for other URIs. */
  public static Optional<Path> localFolder(String directory) {
    if (directory == null || directory.isBlank()) {
      return Optional.empty();
    }
    if (directory.startsWith("file:")) {
      return Optional.of(Path.of(URI.create(directory)));
    }
    if (directory.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(directory));
  }

  /**
   * The folder of the newest complete checkpoint under {@code folder} (one with its {@code
   * _metadata}), by the time its metadata was written, then by its number; empty when none.
   */
  public static Optional<Path> latest(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> jobs = Files.list(folder)) {
      return jobs.filter(Files::isDirectory)
          .flatMap(RetainedCheckpoints::checkpoints)
          .filter(chk -> Files.isRegularFile(chk.resolve("_metadata")))
          .max(
              Comparator.comparing(RetainedCheckpoints::written)
                  .thenComparingLong(RetainedCheckpoints::number));
    }
  }

  private static Stream<Path> checkpoints(Path job) {
    try (Stream<Path> children = Files.list(job)) {
      return children
          .filter(p -> CHK.matcher(p.getFileName().toString()).matches())
          .toList()
          .stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static FileTime written(Path chk) {
    try {
      return Files.getLastModifiedTime(chk.resolve("_metadata"));
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static long number(Path chk) {
    Matcher m = CHK.matcher(chk.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }
}

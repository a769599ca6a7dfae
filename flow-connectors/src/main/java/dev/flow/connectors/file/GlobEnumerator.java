package dev.flow.connectors.file;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;

/**
 * Lists the files under the source paths, recursively, one split per file, keeping only files whose
 * name matches a glob. Directories are always entered; hidden files are skipped.
 */
final class GlobEnumerator extends NonSplittingRecursiveEnumerator {
  private final PathMatcher matcher;

  GlobEnumerator(String glob) {
    this.matcher = glob == null ? null : matcher(glob);
  }

  /** The matcher for {@code glob}; throws {@link IllegalArgumentException} when it is invalid. */
  static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }

  @Override
  protected void convertToSourceSplits(FileStatus file, FileSystem fs, List<FileSourceSplit> target)
      throws java.io.IOException {
    if (matcher == null || matcher.matches(Paths.get(file.getPath().getName()))) {
      super.convertToSourceSplits(file, fs, target);
    }
  }
}

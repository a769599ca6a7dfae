package dev.flow.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Files the job fetches from http(s) URLs before validation, e.g. the flow and parameter sets that
 * the Flow server hands out through one-time links, so that neither the YAML nor a secret is ever a
 * job argument. They live in a private temporary folder that {@link #close()} deletes.
 */
final class FetchedFiles implements AutoCloseable {
  private static final int MAX_BYTES = 1 << 20;
  private Path dir;

  /** Whether a {@code --flow} or {@code --params} value is fetched rather than read as a path. */
  static boolean isRemote(String location) {
    return location.startsWith("http://") || location.startsWith("https://");
  }

  /**
   * Fetches {@code location} into the private folder, named by the last segment of its path, and
   * returns the local path; a local path is returned as it is.
   */
  String localize(String location) {
    if (!isRemote(location)) {
      return location;
    }
    try {
      if (dir == null) {
        dir =
            Files.createTempDirectory(
                "flow-job-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      URI uri = URI.create(location);
      String name = Path.of(uri.getPath()).getFileName().toString();
      Path file = dir.resolve(name.isEmpty() ? "flow.yaml" : name);
      try (InputStream in = uri.toURL().openStream()) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        Files.write(file, bytes);
      }
      return file.toString();
    } catch (IOException e) {
      // The URL holds a one-time ticket: name the host only.
      URI uri = URI.create(location);
      throw new UncheckedIOException(
          "cannot fetch a flow file from "
              + uri.getScheme()
              + "://"
              + uri.getAuthority()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Nothing else to do; the folder is private to this user.
    }
    dir = null;
  }
}

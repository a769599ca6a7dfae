package dev.flow.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What a flow's file publisher wrote, for tests that wait for it. */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * Every line of the files under {@code dir}, but for the dot files (the parts still being
   * written).
   */
  public static List<String> lines(Path dir) {
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        if (!p.getFileName().toString().startsWith(".")) {
          all.addAll(Files.readAllLines(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  /** Waits up to 60 s for {@code done}, asking every 300 ms; fails when it never is. */
  public static void awaitTrue(BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("timed out");
  }
}

package dev.flow.job.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No two main classes of Flow share a simple name, in whichever modules they live: a reader (and an
 * import) never has to tell two {@code Preview}s apart by their package.
 */
class SimpleNamesTest {

  static final Path ROOT = Path.of("..");

  /** Directories that hold no main source of Flow's own. */
  static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git");

  @Test
  void noTwoMainClassesShareASimpleName() throws IOException {
    Map<String, List<String>> byName = mainClassesBySimpleName();
    // The scan sees the modules at both ends of the stack, or it proves nothing.
    assertThat(byName).containsKeys("ActionFactory", "FlowServer", "FlowClient", "FlowCli");

    Map<String, List<String>> clashes =
        byName.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    assertThat(clashes).isEmpty();
  }

  /** Every main source file's simple name, with the files that declare it, below {@link #ROOT}. */
  static Map<String, List<String>> mainClassesBySimpleName() throws IOException {
    Map<String, List<String>> byName = new TreeMap<>();
    Files.walkFileTree(
        ROOT,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Path name = dir.getFileName();
            return name != null && SKIPPED.contains(name.toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String path = ROOT.relativize(file).toString().replace('\\', '/');
            String name = file.getFileName().toString();
            if (path.contains("/src/main/java/")
                && name.endsWith(".java")
                && !name.equals("package-info.java")
                && !name.equals("module-info.java")) {
              byName
                  .computeIfAbsent(name.substring(0, name.length() - 5), k -> new ArrayList<>())
                  .add(path);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return byName;
  }
}

package dev.flow.job.cli;

import dev.flow.flowtest.TestFileReader;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.FileText;
import dev.flow.parse.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files that command-line arguments stand for: a file as given, and for a folder the flows and
 * test files under it (YAML files whose root has {@code stages} or {@code tests}; parameter sets
 * and other YAML files are left out).
 */
final class FlowFolder {

  /** The files to check, the problems met while looking, and how many of each kind there are. */
  record Files(List<Path> paths, List<Problem> problems, int flows, int tests) {
    /** The line printed when every file is valid. */
    String summary() {
      if (paths.size() == 1) {
        return "valid";
      }
      return "all "
          + paths.size()
          + " files valid ("
          + count(flows, "flow")
          + (tests > 0 ? ", " + count(tests, "test file") : "")
          + ")";
    }

    private static String count(int n, String what) {
      return n + " " + what + (n == 1 ? "" : "s");
    }
  }

  private FlowFolder() {}

  static boolean isTestFile(Path file) {
    return file.getFileName() != null
        && file.getFileName().toString().endsWith(TestFileReader.SUFFIX);
  }

  static Files expand(List<Path> args) {
    List<Path> paths = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path arg : args) {
      if (!java.nio.file.Files.isDirectory(arg)) {
        paths.add(arg);
        continue;
      }
      List<Path> found = new ArrayList<>();
      try (Stream<Path> walk = java.nio.file.Files.walk(arg)) {
        walk.filter(java.nio.file.Files::isRegularFile)
            .filter(FlowFolder::isYaml)
            .filter(p -> !hidden(arg.relativize(p)))
            .sorted()
            .filter(FlowFolder::isFlowOrTest)
            .forEach(found::add);
      } catch (IOException | java.io.UncheckedIOException e) {
        problems.add(Problem.error(new Location(arg.toString(), 0, 0), null, "cannot list: " + e));
      }
      if (found.isEmpty()) {
        problems.add(
            Problem.error(
                new Location(arg.toString(), 0, 0),
                null,
                "the folder holds no flows (YAML files with 'stages') and no test files"));
      }
      paths.addAll(found);
    }
    int tests = (int) paths.stream().filter(FlowFolder::isTestFile).count();
    return new Files(paths, problems, paths.size() - tests, tests);
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String s = part.toString();
      if (s.startsWith(".") || s.equals("target") || s.equals("node_modules")) {
        return true;
      }
    }
    return false;
  }

  /** A test file by its name; a flow by the {@code stages} key of its root (or unreadable). */
  private static boolean isFlowOrTest(Path p) {
    if (isTestFile(p)) {
      return true;
    }
    try {
      String text = FileText.readUtf8(p, YamlReader.Limits.defaults().maxBytes());
      YamlReader.Result r = new YamlReader(YamlReader.Limits.defaults()).read(text, p.toString());
      return r.root() == null || r.root() instanceof Node.MapNode m && m.get("stages") != null;
    } catch (FileText.ReadException e) {
      return true; // checked, so that the problem is reported
    }
  }
}

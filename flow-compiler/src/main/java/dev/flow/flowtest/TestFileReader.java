package dev.flow.flowtest;

import dev.flow.FlowCompiler;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.FileText;
import dev.flow.parse.YamlReader;
import dev.flow.validate.ValidatedFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a test file ({@code x.test.yaml}) and its flow, and checks the test against the flow: every
 * mistake becomes a located problem, in the test file or in the flow.
 */
public final class TestFileReader {
  /** The name ending of test files. */
  public static final String SUFFIX = ".test.yaml";

  private static final List<String> ROOT_KEYS = List.of("flow", "params", "tests");

  /** The suite (null when there are errors) and every problem found. */
  public record Result(TestSuite suite, List<Problem> problems) {
    public Result {
      problems =
          problems.stream()
              .sorted(
                  java.util.Comparator.comparing((Problem p) -> p.location().file())
                      .thenComparingInt(p -> p.location().line())
                      .thenComparingInt(p -> p.location().column()))
              .toList();
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  private TestFileReader() {}

  /** Reads the test file at {@code file}. */
  public static Result read(Path file) {
    return read(file, List.of());
  }

  /**
   * Reads a test file whose flow, when the file names no {@code params} of its own, is parsed with
   * {@code defaultParams} (e.g. the parameter sets of the factory the flow belongs to).
   */
  public static Result read(Path file, List<String> defaultParams) {
    List<Problem> problems = new ArrayList<>();
    String source = file.toString();
    String text;
    try {
      text = FileText.readUtf8(file, YamlReader.Limits.defaults().maxBytes());
    } catch (FileText.ReadException e) {
      problems.add(Problem.error(new Location(source, e.line(), e.column()), null, e.getMessage()));
      return new Result(null, problems);
    }
    YamlReader.Result yaml = new YamlReader(YamlReader.Limits.defaults()).read(text, source);
    problems.addAll(yaml.problems());
    if (yaml.root() == null) {
      return new Result(null, problems);
    }
    Nodes nodes = new Nodes(problems);
    Node.MapNode root = nodes.map(yaml.root(), "a test file", ROOT_KEYS);
    if (root == null) {
      return new Result(null, problems);
    }
    Path dir = file.toAbsolutePath().getParent();
    Path flowFile = flowFile(file, root, nodes);
    List<String> params = params(root, dir, nodes);
    if (params.isEmpty() && root.get("params") == null) {
      params = defaultParams;
    }
    Node tests = root.get("tests");
    if (tests == null) {
      nodes.error(root.location(), "a test file needs 'tests', the list of test cases");
    }
    if (hasErrors(problems)) {
      return new Result(null, problems);
    }
    if (!Files.isRegularFile(flowFile)) {
      Location at = root.get("flow") != null ? root.get("flow").location() : root.location();
      nodes.error(at, "the flow " + flowFile + " does not exist");
      return new Result(null, problems);
    }
    ValidatedFlow flow = FlowCompiler.validate(flowFile.toString(), params, false);
    problems.addAll(flow.problems());
    if (flow.hasErrors()) {
      return new Result(null, problems);
    }
    List<TestCase> cases = new ArrayList<>();
    Node.ListNode list = nodes.list(tests, "'tests'");
    if (list != null) {
      if (list.items().isEmpty()) {
        nodes.error(list.location(), "'tests' lists no test case");
      }
      CaseReader reader = new CaseReader(flow, nodes);
      for (Node item : list.items()) {
        TestCase c = reader.read(item);
        if (c != null) {
          cases.add(c);
        }
      }
    }
    if (hasErrors(problems)) {
      return new Result(null, problems);
    }
    return new Result(new TestSuite(file, flowFile, flow, cases, List.copyOf(params)), problems);
  }

  /** The flow a test file tests: its {@code flow} key, or its own name without ".test". */
  private static Path flowFile(Path file, Node.MapNode root, Nodes nodes) {
    Path dir = file.toAbsolutePath().getParent();
    Node flow = root.get("flow");
    if (flow != null) {
      String name = nodes.string(flow, "'flow'");
      return name == null ? dir : relative(file, name);
    }
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX)) {
      nodes.error(
          root.location(),
          "the test file is not named x" + SUFFIX + ", so it must name its flow with 'flow'");
      return dir;
    }
    return relative(file, name.substring(0, name.length() - SUFFIX.length()) + ".yaml");
  }

  private static List<String> params(Node.MapNode root, Path dir, Nodes nodes) {
    List<String> params = new ArrayList<>();
    Node node = root.get("params");
    if (node == null) {
      return params;
    }
    List<Node> items = node instanceof Node.ListNode l ? l.items() : List.of(node);
    for (Node item : items) {
      String p = nodes.string(item, "a parameter set file");
      if (p != null) {
        Path path = dir.resolve(p).normalize();
        if (!Files.isRegularFile(path)) {
          nodes.error(item.location(), "the parameter set file " + path + " does not exist");
        }
        params.add(path.toString());
      }
    }
    return params;
  }

  /** {@code name} relative to the test file's folder, keeping a relative path relative. */
  private static Path relative(Path file, String name) {
    Path parent = file.getParent();
    return parent == null ? Path.of(name) : parent.resolve(name).normalize();
  }

  private static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }
}

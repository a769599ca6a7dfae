package dev.flow.actions.testing;

import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.YamlReader;
import dev.flow.validate.OptionsBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds options records for tests from YAML props with the validator's own binder: types, defaults
 * and limits as a flow's props get them.
 */
public final class TestOptions {

  private TestOptions() {}

  /**
   * Options of type {@code type} from props written as YAML, e.g. {@code "{drop: [a]}"}.
   *
   * @throws IllegalArgumentException with the located problems when the props do not bind
   */
  public static <R extends Record> R of(Class<R> type, String yaml) {
    List<Problem> problems = new ArrayList<>();
    R options = binder(problems).bind(type, props(yaml));
    if (options == null || !problems.isEmpty()) {
      throw new IllegalArgumentException(text(problems));
    }
    return options;
  }

  /**
   * Options with only defaults; required props are left unset.
   *
   * @throws IllegalArgumentException when a default does not bind
   */
  public static <R extends Record> R defaults(Class<R> type) {
    List<Problem> problems = new ArrayList<>();
    Node.MapNode none = props(null);
    binder(problems).bind(type, none);
    problems.removeIf(p -> p.message().startsWith("missing required prop "));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(text(problems));
    }
    return binder(new ArrayList<>()).bindSalvaged(type, none);
  }

  private static OptionsBinder binder(List<Problem> problems) {
    return new OptionsBinder("prop", "test", "Test", problems);
  }

  private static Node.MapNode props(String yaml) {
    String text = yaml == null || yaml.isBlank() ? "{}" : yaml;
    YamlReader.Result read = new YamlReader(YamlReader.Limits.defaults()).read(text, "props");
    if (!read.problems().isEmpty() || !(read.root() instanceof Node.MapNode map)) {
      throw new IllegalArgumentException("props must be a YAML mapping: " + text(read.problems()));
    }
    return map;
  }

  private static String text(List<Problem> problems) {
    return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
  }
}

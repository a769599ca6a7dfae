package dev.flow.job.remote;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flow file on disk as the client commands see it: its text, the name it declares, and the
 * parameter sets it references ({@code ${set__param}}).
 *
 * @param file the file as the user named it
 * @param text its text, sent to the server as it is
 * @param name its {@code name}, or null when it has none or is not YAML
 * @param parsed whether it is well-formed YAML
 * @param isFlow whether it is a mapping with {@code stages}
 * @param parameterSets the sets its {@code ${set__param}} references name, sorted
 * @param problems why it cannot be pushed (no name, not YAML), located
 */
public record LocalFlow(
    Path file,
    String text,
    String name,
    boolean parsed,
    boolean isFlow,
    List<String> parameterSets,
    List<Problem> problems) {

  private static final Pattern REFERENCE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z0-9][A-Za-z0-9.-]*(?:_[A-Za-z0-9.-]+)*)__");

  /** Reads {@code file}; an unreadable file is an I/O error, bad YAML is a problem. */
  public static LocalFlow read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String source = file.toString();
    List<Problem> problems = new ArrayList<>();
    YamlReader.Result r = new YamlReader(YamlReader.Limits.defaults()).read(text, source);
    problems.addAll(r.problems().stream().filter(Problem::isError).toList());
    boolean parsed = r.root() != null && problems.isEmpty();
    String name = null;
    boolean isFlow = false;
    if (r.root() instanceof Node.MapNode m) {
      isFlow = m.get("stages") != null;
      if (m.get("name") instanceof Node.ScalarNode s && !s.isNull() && !s.text().isBlank()) {
        name = s.text();
      } else if (problems.isEmpty()) {
        problems.add(
            Problem.error(
                new Location(source, 1, 1),
                null,
                "the flow has no 'name'; the server knows flows by their name"));
      }
    } else if (problems.isEmpty()) {
      problems.add(
          Problem.error(
              r.root() == null ? new Location(source, 1, 1) : r.root().location(),
              null,
              "a flow must be a mapping with 'name' and 'stages'"));
    }
    return new LocalFlow(file, text, name, parsed, isFlow, references(text), List.copyOf(problems));
  }

  /** The parameter set names that {@code ${set__param}} references in {@code text} name. */
  static List<String> references(String text) {
    TreeSet<String> sets = new TreeSet<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      sets.add(m.group(1));
    }
    return List.copyOf(sets);
  }
}

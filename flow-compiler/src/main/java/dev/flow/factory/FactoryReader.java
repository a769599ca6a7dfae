package dev.flow.factory;

import dev.flow.model.FactoryDef;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.ProblemOrder;
import dev.flow.parse.Suggestions;
import dev.flow.parse.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a factory file ({@code factory.yaml}) into a {@link FactoryDef}, with the same YAML reader
 * as flows: every key and value keeps its line and column, unknown keys are rejected with a "did
 * you mean", and nothing is thrown for a user's mistake.
 */
public final class FactoryReader {

  static final List<String> TOP_KEYS = List.of("name", "description", "parameterSets", "flows");
  static final List<String> FLOW_KEYS = List.of("path", "catalog", "after");

  /** What was read: the factory (null when the file could not be read) and the problems. */
  public record Result(FactoryDef factory, List<Problem> problems) {}

  private final List<Problem> problems = new ArrayList<>();

  private FactoryReader() {}

  /** Reads the factory file at {@code file}; messages name the path as given. */
  public static Result read(Path file) {
    String source = file.toString();
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return read(text, source);
    } catch (NoSuchFileException e) {
      return failed(source, "the file does not exist");
    } catch (IOException | java.io.UncheckedIOException e) {
      return failed(source, "the file cannot be read: " + e.getMessage());
    }
  }

  /** Reads factory text, naming {@code source} in every location. */
  public static Result read(String text, String source) {
    YamlReader.Result r = new YamlReader(YamlReader.Limits.defaults()).read(text, source);
    FactoryReader reader = new FactoryReader();
    reader.problems.addAll(r.problems());
    FactoryDef def = r.root() == null ? null : reader.factory(r.root(), source);
    reader.problems.sort(ProblemOrder.BY_POSITION);
    return new Result(def, List.copyOf(reader.problems));
  }

  private static Result failed(String source, String message) {
    return new Result(null, List.of(Problem.error(new Location(source, 0, 0), null, message)));
  }

  private FactoryDef factory(Node root, String source) {
    if (!(root instanceof Node.MapNode m)) {
      problems.add(
          Problem.error(
              root.location(),
              null,
              "the top level must be a mapping with 'name' and 'flows', found " + root.typeName()));
      return null;
    }
    unknownKeys(m, TOP_KEYS, "top-level key");
    String name = text(m, "name");
    if (m.get("name") == null) {
      problems.add(
          Problem.error(m.location(), null, "the factory has no 'name'")
              .withHint("add 'name: <factory name>' at the top"));
    }
    String description = text(m, "description");
    List<FactoryDef.Ref> sets = texts(m, "parameterSets", "a parameter set file");
    List<FactoryDef.FlowEntry> flows = new ArrayList<>();
    Node fl = m.get("flows");
    if (fl == null) {
      problems.add(
          Problem.error(m.location(), null, "the factory has no 'flows'")
              .withHint("add 'flows:' with a list of '- path: flow.yaml'"));
    } else if (fl instanceof Node.ListNode list) {
      for (Node item : list.items()) {
        FactoryDef.FlowEntry e = flow(item);
        if (e != null) {
          flows.add(e);
        }
      }
      if (list.items().isEmpty()) {
        problems.add(Problem.error(fl.location(), null, "'flows' is empty; list one flow or more"));
      }
    } else {
      problems.add(
          Problem.error(fl.location(), null, "'flows' must be a list, found " + fl.typeName()));
    }
    return new FactoryDef(name, description, sets, flows, source, m.location());
  }

  private FactoryDef.FlowEntry flow(Node node) {
    if (node instanceof Node.ScalarNode s && s.value() instanceof String text) {
      return new FactoryDef.FlowEntry(text, null, List.of(), s.location(), s.location());
    }
    if (!(node instanceof Node.MapNode m)) {
      problems.add(
          Problem.error(
              node.location(),
              null,
              "each flow must be a mapping with 'path' (or 'catalog') and optional 'after', found "
                  + node.typeName()));
      return null;
    }
    unknownKeys(m, FLOW_KEYS, "flow key");
    String path = text(m, "path");
    String catalog = text(m, "catalog");
    boolean both = path != null && catalog != null;
    boolean neither = m.get("path") == null && m.get("catalog") == null;
    if (both || neither) {
      problems.add(
          Problem.error(m.location(), null, "a flow needs exactly one of 'path' and 'catalog'")
              .withHint("write 'path: flow.yaml', relative to the factory file"));
    }
    if (both || path == null && catalog == null) {
      return null;
    }
    Location at = m.get(path != null ? "path" : "catalog").location();
    return new FactoryDef.FlowEntry(
        path, catalog, texts(m, "after", "a flow name"), m.location(), at);
  }

  private void unknownKeys(Node.MapNode m, List<String> known, String what) {
    for (String key : m.entries().keySet()) {
      if (!known.contains(key)) {
        String d = Suggestions.didYouMean(key, known);
        String list = "Known keys: " + String.join(", ", known);
        problems.add(
            Problem.error(m.keyLocation(key), null, "unknown " + what + " '" + key + "'")
                .withHint(d == null ? list : d + " " + list));
      }
    }
  }

  private String text(Node.MapNode m, String key) {
    Node n = m.get(key);
    if (n == null || n instanceof Node.ScalarNode s && s.isNull()) {
      return null;
    }
    if (n instanceof Node.ScalarNode s && !s.text().isBlank()) {
      return s.text();
    }
    problems.add(
        Problem.error(n.location(), null, "'" + key + "' must be a text, found " + n.typeName()));
    return null;
  }

  private List<FactoryDef.Ref> texts(Node.MapNode m, String key, String what) {
    List<FactoryDef.Ref> out = new ArrayList<>();
    Node n = m.get(key);
    if (n == null || n instanceof Node.ScalarNode s && s.isNull()) {
      return out;
    }
    if (!(n instanceof Node.ListNode l)) {
      problems.add(
          Problem.error(n.location(), null, "'" + key + "' must be a list, found " + n.typeName())
              .withHint(
                  n instanceof Node.ScalarNode s ? "write '" + key + ": [" + s + "]'" : null));
      return out;
    }
    for (Node item : l.items()) {
      if (item instanceof Node.ScalarNode s && !s.isNull()) {
        out.add(new FactoryDef.Ref(s.text(), s.location()));
      } else {
        problems.add(
            Problem.error(
                item.location(),
                null,
                "each entry of '" + key + "' must be " + what + ", found " + item.typeName()));
      }
    }
    return out;
  }
}

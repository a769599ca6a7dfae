package dev.flow.parse;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Named sets of parameters that a flow references as {@code ${set__param}}.
 *
 * <p>A parameter set file (given with {@code --params FILE}, repeatable) is YAML:
 *
 * <pre>{@code
 * name: kafka                      # optional; defaults to the file's base name (kafka.yaml -> kafka)
 * description: Brokers of the dev cluster   # optional
 * parameters:
 *   bootstrap: "localhost:9092"    # a plain value: string, number or boolean
 *   partitions: 12
 *   password:                      # a value with options
 *     value: "s3cr3t"
 *     secret: true                 # never shown in messages, logs, plans or exports
 * }</pre>
 *
 * <p>A flow then writes {@code ${kafka__bootstrap}}: the set's name, two underscores, the
 * parameter's name. Set names may not contain two underscores in a row. {@code ${env:NAME}} reads
 * an environment variable instead, and {@code $${} writes a literal {@code ${}.
 */
public final class ParameterSets {

  /** One parameter's value, as text, and whether it must be kept secret. */
  public record Parameter(String value, boolean secret) {
    @Override
    public String toString() {
      return secret ? "******" : value;
    }
  }

  /**
   * Parameter sets read from files, with the problems found in those files; {@code unread} names
   * the files that could not be read at all (missing, unreadable, not YAML), whose sets are then
   * unknown.
   */
  public record Loaded(ParameterSets sets, List<Problem> problems, List<String> unread) {}

  private static final Pattern SET_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*(_[A-Za-z0-9.-]+)*");
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Set<String> FILE_KEYS = Set.of("name", "description", "parameters");

  private final Map<String, Map<String, Parameter>> sets;

  private ParameterSets(Map<String, Map<String, Parameter>> sets) {
    this.sets = sets;
  }

  public static ParameterSets empty() {
    return new ParameterSets(Map.of());
  }

  /** Sets given directly, e.g. in tests: set name to parameter name to parameter. */
  public static ParameterSets of(Map<String, Map<String, Parameter>> sets) {
    Map<String, Map<String, Parameter>> copy = new LinkedHashMap<>();
    sets.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    return new ParameterSets(Collections.unmodifiableMap(copy));
  }

  /** Reads parameter set files; a file that cannot be read gives problems, not an exception. */
  public static Loaded load(List<Path> files) {
    Map<String, Map<String, Parameter>> sets = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    YamlReader reader = new YamlReader(YamlReader.Limits.defaults());
    for (Path file : files) {
      String source = file.toString();
      SourceFiles.Text text = SourceFiles.read(file, YamlReader.Limits.defaults().maxBytes());
      if (text.problem() != null) {
        problems.add(text.problem());
        unread.add(source);
        continue;
      }
      YamlReader.Result r = reader.read(text.text(), source);
      problems.addAll(r.problems());
      if (r.root() != null) {
        readSet(r.root(), baseName(file), source, sets, origin, problems);
      } else {
        unread.add(source);
      }
    }
    return new Loaded(of(sets), problems, List.copyOf(unread));
  }

  private static void readSet(
      Node root,
      String defaultName,
      String source,
      Map<String, Map<String, Parameter>> sets,
      Map<String, String> origin,
      List<Problem> problems) {
    if (!(root instanceof Node.MapNode m)) {
      problems.add(
          Problem.error(
              root.location(),
              null,
              "a parameter set file must be a mapping with 'parameters', found "
                  + root.typeName()));
      return;
    }
    for (String key : m.entries().keySet()) {
      if (!FILE_KEYS.contains(key)) {
        problems.add(
            Problem.error(m.keyLocation(key), null, "unknown key '" + key + "' in a parameter set")
                .withHint(hint(key, FILE_KEYS)));
      }
    }
    String name = defaultName;
    Location nameAt = new Location(source, 1, 1);
    if (m.get("name") instanceof Node.ScalarNode s && !s.isNull()) {
      name = s.text();
      nameAt = s.location();
    }
    if (!SET_NAME.matcher(name).matches()) {
      problems.add(
          Problem.error(
              nameAt,
              null,
              "'"
                  + name
                  + "' is not a valid parameter set name; use letters, digits, '-', '.' and"
                  + " single '_'"));
      return;
    }
    if (origin.containsKey(name)) {
      problems.add(
          Problem.error(
              nameAt,
              null,
              "parameter set '" + name + "' is already defined in " + origin.get(name)));
      return;
    }
    Map<String, Parameter> params = new LinkedHashMap<>();
    Node p = m.get("parameters");
    if (p instanceof Node.MapNode pm) {
      pm.entries().forEach((k, v) -> readParam(k, v, pm.keyLocation(k), params, problems));
    } else if (p != null && !(p instanceof Node.ScalarNode s && s.isNull())) {
      problems.add(
          Problem.error(
              p.location(), null, "'parameters' must be a mapping, found " + p.typeName()));
    }
    origin.put(name, source);
    sets.put(name, params);
  }

  private static void readParam(
      String key, Node v, Location at, Map<String, Parameter> params, List<Problem> problems) {
    if (!PARAM_NAME.matcher(key).matches()) {
      problems.add(
          Problem.error(
              at,
              null,
              "'"
                  + key
                  + "' is not a valid parameter name; use letters, digits, '_', '-' and '.'"));
      return;
    }
    if (v instanceof Node.ScalarNode s) {
      params.put(key, new Parameter(s.isNull() ? "" : s.text(), false));
      return;
    }
    if (v instanceof Node.MapNode vm && vm.get("value") instanceof Node.ScalarNode s) {
      boolean secret = false;
      Node sec = vm.get("secret");
      if (sec instanceof Node.ScalarNode ss && ss.value() instanceof Boolean b) {
        secret = b;
      } else if (sec != null) {
        problems.add(Problem.error(sec.location(), null, "'secret' must be true or false"));
      }
      for (String k : vm.entries().keySet()) {
        if (!k.equals("value") && !k.equals("secret") && !k.equals("description")) {
          problems.add(
              Problem.error(
                      vm.keyLocation(k), null, "unknown key '" + k + "' in parameter '" + key + "'")
                  .withHint("known keys: value, secret, description"));
        }
      }
      params.put(key, new Parameter(s.isNull() ? "" : s.text(), secret));
      return;
    }
    problems.add(
        Problem.error(
            v.location(),
            null,
            "parameter '"
                + key
                + "' must be a value or a mapping with 'value' (and 'secret'), found "
                + v.typeName()));
  }

  private static String hint(String key, Set<String> known) {
    String d = Suggestions.didYouMean(key, known);
    String list = "Known keys: name, description, parameters";
    return d == null ? list : d + " " + list;
  }

  /** The file's name without its directory and extension. */
  static String baseName(Path file) {
    String n = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** The parameter, or null when the set or the parameter does not exist. */
  public Parameter get(String set, String name) {
    Map<String, Parameter> s = sets.get(set);
    return s == null ? null : s.get(name);
  }

  public Set<String> setNames() {
    return sets.keySet();
  }

  /** The names of the parameters in {@code set} (empty when there is no such set). */
  public Set<String> names(String set) {
    return sets.getOrDefault(set, Map.of()).keySet();
  }

  public boolean hasSet(String set) {
    return sets.containsKey(set);
  }
}

package dev.flow.job.remote;

import dev.flow.client.ApiTransport;
import dev.flow.client.model.ParameterSet;
import dev.flow.model.Problem;
import dev.flow.parse.ParameterSets;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parameter set files in the format of {@code --params} ({@link ParameterSets}) read into the
 * client's sets, and sets written back in that format with secrets masked.
 */
final class ParamFiles {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private ParamFiles() {}

  /** The sets, each with the file it came from. */
  record Loaded(
      Map<String, ParameterSet> sets, Map<String, Path> origins, List<Problem> problems) {}

  /** Reads the files; their problems are returned, located, and their sets left out. */
  static Loaded load(List<Path> files) {
    Map<String, ParameterSet> sets = new LinkedHashMap<>();
    Map<String, Path> origins = new LinkedHashMap<>();
    List<Problem> problems = new java.util.ArrayList<>();
    for (Path file : files) {
      ParameterSets.Loaded loaded = ParameterSets.load(List.of(file));
      problems.addAll(loaded.problems());
      for (String name : loaded.sets().setNames()) {
        if (origins.containsKey(name)) {
          problems.add(
              Problem.error(
                  new dev.flow.model.Location(file.toString(), 1, 1),
                  null,
                  "parameter set '" + name + "' is already defined in " + origins.get(name)));
          continue;
        }
        Map<String, ParameterSet.Parameter> params = new LinkedHashMap<>();
        for (String p : loaded.sets().names(name)) {
          ParameterSets.Parameter v = loaded.sets().get(name, p);
          params.put(p, new ParameterSet.Parameter(v.value(), v.secret()));
        }
        sets.put(name, new ParameterSet(name, params));
        origins.put(name, file);
      }
    }
    return new Loaded(sets, origins, List.copyOf(problems));
  }

  /** The set as a parameter set file; a secret's value is always written as {@code ***}. */
  static String toYaml(ParameterSet set) {
    StringBuilder b = new StringBuilder();
    b.append("name: ").append(key(set.name())).append('\n');
    if (set.parameters().isEmpty()) {
      return b.append("parameters: {}\n").toString();
    }
    b.append("parameters:\n");
    set.parameters()
        .forEach(
            (k, p) -> {
              b.append("  ").append(key(k)).append(':');
              if (p.secret()) {
                b.append("\n    value: ").append(quote(ParameterSet.Parameter.MASK));
                b.append("\n    secret: true\n");
              } else {
                b.append(' ').append(quote(p.value() == null ? "" : p.value())).append('\n');
              }
            });
    return b.toString();
  }

  private static String key(String k) {
    return PLAIN_KEY.matcher(k).matches()
            && !k.equals("true")
            && !k.equals("false")
            && !k.equals("null")
        ? k
        : quote(k);
  }

  /** A YAML double-quoted scalar; JSON's string escapes are YAML's too. */
  private static String quote(String s) {
    try {
      return ApiTransport.MAPPER.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

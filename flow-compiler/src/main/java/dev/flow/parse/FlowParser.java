package dev.flow.parse;

import dev.flow.model.FlowDef;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Parses a flow file's text into a {@link FlowDef} and a list of located problems. Reading never
 * throws for a user's mistake: bad YAML, an empty file, wrong keys or types, unresolved parameters
 * and hostile documents all become {@link Problem}s.
 */
public final class FlowParser {

  /**
   * How to parse.
   *
   * @param limits size, depth and alias limits
   * @param strict also check the document against the seed JSON Schema exactly
   * @param parameters the parameter sets that {@code ${set__param}} references resolve from
   * @param env looks up environment variables for {@code ${env:NAME}}; returns null when unset
   */
  public record Options(
      YamlReader.Limits limits,
      boolean strict,
      ParameterSets parameters,
      UnaryOperator<String> env) {

    /** Default limits, lenient mode, no parameter sets, the process environment. */
    public static Options defaults() {
      return new Options(
          YamlReader.Limits.defaults(), false, ParameterSets.empty(), System::getenv);
    }

    public Options withLimits(YamlReader.Limits l) {
      return new Options(l, strict, parameters, env);
    }

    public Options withStrict(boolean s) {
      return new Options(limits, s, parameters, env);
    }

    public Options withParameters(ParameterSets p) {
      return new Options(limits, strict, p, env);
    }

    public Options withEnv(UnaryOperator<String> e) {
      return new Options(limits, strict, parameters, e);
    }
  }

  private final Options options;

  public FlowParser() {
    this(Options.defaults());
  }

  public FlowParser(Options options) {
    this.options = options;
  }

  public Options options() {
    return options;
  }

  /** Parses the file at {@code path}; messages name the path as given. */
  public ParseResult parse(Path path) {
    SourceFiles.Text t = SourceFiles.read(path, options.limits().maxBytes());
    if (t.problem() != null) {
      return new ParseResult(null, null, List.of(t.problem()));
    }
    return parse(t.text(), path.toString());
  }

  /** Parses {@code text}, naming {@code source} in every location. */
  public ParseResult parse(String text, String source) {
    YamlReader.Result read = new YamlReader(options.limits()).read(text, source);
    List<Problem> problems = new ArrayList<>(read.problems());
    if (read.root() == null) {
      return new ParseResult(null, null, problems);
    }
    List<Problem> substitution = new ArrayList<>();
    Node root =
        new Substitutor(options.parameters(), options.env(), substitution).apply(read.root());
    FlowDef flow = new FlowDefReader(source, problems).read(root);
    for (Problem p : substitution) {
      problems.add(StageRegions.attribute(p, root, flow));
    }
    if (options.strict()) {
      // A seed problem that says what a problem already found says (the same key at the same
      // place) is left out; every other one is kept, so all missing keys come in one run.
      Set<String> seen = new HashSet<>();
      problems.forEach(p -> seen.add(subject(p)));
      for (Problem p : SeedSchema.check(root)) {
        if (seen.add(subject(p))) {
          problems.add(p);
        }
      }
    }
    problems.sort(ProblemOrder.BY_POSITION);
    return new ParseResult(flow, root, problems);
  }

  /** What a problem is about: its location and the first key it quotes. */
  private static String subject(Problem p) {
    String m = p.message();
    int a = m.indexOf('\'');
    int b = a < 0 ? -1 : m.indexOf('\'', a + 1);
    return p.location() + "|" + (b < 0 ? "" : m.substring(a + 1, b));
  }
}

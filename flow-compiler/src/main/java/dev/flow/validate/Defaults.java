package dev.flow.validate;

import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.parse.YamlReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The default of a prop as a node, read once from its YAML text in {@code @Prop.defaultValue}. */
final class Defaults {

  private static final Map<PropSpec, Node> CACHE = new ConcurrentHashMap<>();

  private Defaults() {}

  /** The default's node; a String prop with an empty default is the empty string. */
  static Node node(PropSpec spec) {
    return CACHE.computeIfAbsent(spec, Defaults::read);
  }

  private static Node read(PropSpec spec) {
    String text = spec.defaultValue();
    String source =
        "default of " + spec.component().getDeclaringRecord().getSimpleName() + "." + spec.name();
    Location at = new Location(source, 0, 0);
    if (text.isEmpty() || spec.rawType() == String.class) {
      return new Node.ScalarNode(text, at, Node.ScalarNode.Style.SYNTHETIC, false);
    }
    YamlReader.Result r = new YamlReader(YamlReader.Limits.defaults()).read(text, source);
    if (r.root() == null || !r.problems().isEmpty()) {
      throw new IllegalStateException(source + " is not valid YAML: " + text);
    }
    return r.root();
  }
}

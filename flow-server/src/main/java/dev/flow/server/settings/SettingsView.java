package dev.flow.server.settings;

import dev.flow.model.Node;
import dev.flow.parse.NodeJson;
import dev.flow.parse.YamlReader;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.Prop;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A flow's settings as a flat dictionary ({@code errors.policy}, {@code checkpointing.interval},
 * {@code errors.props.path}, ...): the defaults declared on {@link FlowSettings}, overlaid with
 * what the YAML's {@code settings} says.
 */
public final class SettingsView {
  private SettingsView() {}

  /** The top-level names under {@code settings}. */
  public static Set<String> topLevel() {
    Set<String> out = new java.util.TreeSet<>();
    for (RecordComponent c : FlowSettings.class.getRecordComponents()) {
      out.add(c.getName());
    }
    return out;
  }

  /** The settings of the flow text {@code yaml}. */
  public static Map<String, String> of(String yaml) {
    Map<String, String> out = new TreeMap<>(defaults());
    YamlReader.Result r = new YamlReader(YamlReader.Limits.defaults()).read(yaml, "flow.yaml");
    if (r.root() instanceof Node.MapNode root && root.get("settings") instanceof Node.MapNode s) {
      flatten("", s, out);
    }
    return out;
  }

  /** Every setting with a declared default, flattened. */
  public static Map<String, String> defaults() {
    Map<String, String> out = new TreeMap<>();
    walk("", FlowSettings.class, out);
    return out;
  }

  private static void walk(String prefix, Class<?> type, Map<String, String> out) {
    for (RecordComponent c : type.getRecordComponents()) {
      String key = prefix + c.getName();
      if (c.getType().isRecord()) {
        walk(key + ".", c.getType(), out);
        continue;
      }
      Prop p = c.getAnnotation(Prop.class);
      if (p != null && !Prop.NO_DEFAULT.equals(p.defaultValue())) {
        out.put(key, p.defaultValue());
      }
    }
  }

  private static void flatten(String prefix, Node.MapNode m, Map<String, String> out) {
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String key = prefix + e.getKey();
      Node v = e.getValue();
      if (v instanceof Node.MapNode child) {
        flatten(key + ".", child, out);
      } else if (v instanceof Node.ScalarNode s) {
        if (s.isNull()) {
          out.remove(key);
        } else {
          out.put(key, s.text());
        }
      } else {
        out.put(key, NodeJson.toJson(v).toString());
      }
    }
  }
}

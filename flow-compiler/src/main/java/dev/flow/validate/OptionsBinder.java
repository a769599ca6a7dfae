package dev.flow.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.NodeJson;
import dev.flow.parse.Suggestions;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a props (or settings) mapping to an options record, one {@link PropSpec} per component.
 * Every problem is collected as a located {@link Problem}; binding never stops at the first. A
 * value that fails to bind makes {@link #bind} return null.
 */
public final class OptionsBinder {

  static final Object FAILED = new Object();

  private final String noun;
  private final String stage;
  private final String action;
  private final List<Problem> problems;
  private final ExpressionBinder expressions;
  private boolean salvage;

  /**
   * A binder whose messages speak of {@code noun} ("prop", "setting") and name the stage and the
   * action (either may be null).
   */
  public OptionsBinder(String noun, String stage, String action, List<Problem> problems) {
    this.noun = noun;
    this.stage = stage;
    this.action = action;
    this.problems = problems;
    this.expressions = new ExpressionBinder(this);
  }

  /** Binds {@code map} to {@code type}; every key must be one of its props. */
  public <R extends Record> R bind(Class<R> type, Node.MapNode map) {
    return bind(type, map, List.of(), true);
  }

  /**
   * Binds {@code map} to {@code type}. Keys in {@code alsoKnown} belong to another record bound
   * from the same map; other unknown keys are errors when {@code reportUnknown}.
   */
  public <R extends Record> R bind(
      Class<R> type, Node.MapNode map, Collection<String> alsoKnown, boolean reportUnknown) {
    Object r = record(type, map, "", alsoKnown, reportUnknown);
    return r == FAILED ? null : type.cast(r);
  }

  /**
   * Binds {@code map} to {@code type} as far as it goes: a value that fails to bind takes its
   * default (or null), so that rules on the other values can still be checked. Returns null only
   * when the record cannot be built at all. Use it with a problem list that is thrown away, after
   * {@link #bind} has reported the problems.
   */
  public <R extends Record> R bindSalvaged(Class<R> type, Node.MapNode map) {
    salvage = true;
    try {
      Object r = record(type, map, "", List.of(), false);
      return r == FAILED ? null : type.cast(r);
    } finally {
      salvage = false;
    }
  }

  Object record(
      Class<?> type,
      Node.MapNode map,
      String path,
      Collection<String> alsoKnown,
      boolean reportUnknown) {
    List<PropSpec> specs = PropSpec.of(type);
    if (reportUnknown) {
      unknownKeys(specs, map, path, alsoKnown);
    }
    Object[] args = new Object[specs.size()];
    boolean ok = true;
    for (int i = 0; i < specs.size(); i++) {
      PropSpec spec = specs.get(i);
      Node n = map.get(spec.name());
      Object v;
      if (spec.isGroup()) {
        v = record(spec.rawType(), map, path, List.of(), false); // its props sit beside ours
      } else if (n == null || n instanceof Node.ScalarNode s && s.isNull()) {
        v = absent(spec, map, path + spec.name());
      } else {
        v = value(spec.type(), n, path + spec.name(), spec.secret());
        if (spec.isFile() && v instanceof String file) {
          v = FlowFiles.resolve(file, n.location());
        }
        if (v != FAILED && v != null && (spec.min() != null || spec.max() != null)) {
          v = Limits.check(this, spec, v, n, path + spec.name());
        }
      }
      if (v == FAILED && salvage) {
        v = spec.defaultValue() != null ? absent(spec, map, path + spec.name()) : null;
      }
      if (v == FAILED) {
        ok = false;
        v = null;
      }
      args[i] = v == null && spec.rawType().isPrimitive() ? PropTypes.zero(spec.rawType()) : v;
    }
    if (!ok) {
      return FAILED;
    }
    return construct(type, specs, args, map.location());
  }

  private void unknownKeys(
      List<PropSpec> specs, Node.MapNode map, String path, Collection<String> alsoKnown) {
    List<String> known = new ArrayList<>();
    for (PropSpec spec : specs) {
      if (spec.isGroup()) {
        known.addAll(PropSpec.names(spec.rawType()));
      } else {
        known.add(spec.name());
      }
    }
    if (path.isEmpty()) {
      alsoKnown.stream().filter(k -> !known.contains(k)).forEach(known::add);
    }
    for (String key : map.entries().keySet()) {
      if (!known.contains(key)) {
        String d = Suggestions.didYouMean(key, known);
        String list = "Known " + plural() + ": " + String.join(", ", known);
        error(
            map.keyLocation(key),
            "unknown " + noun + " '" + path + key + "'",
            d == null ? list : d + " " + list);
      }
    }
  }

  private String plural() {
    int space = noun.lastIndexOf(' ');
    return noun.substring(space + 1) + "s";
  }

  private Object absent(PropSpec spec, Node.MapNode parent, String path) {
    String def = spec.defaultValue();
    if (def != null) {
      return value(spec.type(), Defaults.node(spec), path, spec.secret());
    }
    if (spec.required()) {
      error(parent.location(), "missing required " + noun + " '" + path + "'", null);
      return FAILED;
    }
    Class<?> raw = spec.rawType();
    if (PropTypes.isOptionsRecord(raw) && PropSpec.of(raw).stream().noneMatch(PropSpec::required)) {
      Node.MapNode empty = new Node.MapNode(Map.of(), Map.of(), parent.location());
      return record(raw, empty, path + ".", List.of(), false);
    }
    return null;
  }

  Object value(Type type, Node node, String path, boolean secret) {
    Class<?> raw = PropTypes.rawClass(type);
    if (raw == Node.class) {
      return node;
    }
    if (raw == Node.MapNode.class || raw == Node.ListNode.class || raw == Node.ScalarNode.class) {
      return raw.isInstance(node) ? node : mismatch(node, path, article(raw), null, secret);
    }
    if (raw == JsonNode.class) {
      return NodeJson.toJson(node);
    }
    if (raw == ObjectNode.class) {
      return node instanceof Node.MapNode
          ? NodeJson.toJson(node)
          : mismatch(node, path, "a mapping", null, secret);
    }
    if (raw == ArrayNode.class) {
      return node instanceof Node.ListNode
          ? NodeJson.toJson(node)
          : mismatch(node, path, "a list", null, secret);
    }
    if (PropTypes.isOptionsRecord(raw)) {
      return node instanceof Node.MapNode m
          ? record(raw, m, path + ".", List.of(), true)
          : mismatch(node, path, "a mapping", null, secret);
    }
    if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
      if (!(node instanceof Node.ListNode l)) {
        return mismatch(node, path, "a list", null, secret);
      }
      Type item = PropTypes.typeArgument(type, 0);
      List<Object> out = new ArrayList<>(l.items().size());
      boolean ok = true;
      for (int i = 0; i < l.items().size(); i++) {
        Object v = value(item, l.items().get(i), path + "[" + i + "]", secret);
        ok &= v != FAILED;
        out.add(v);
      }
      return ok ? java.util.Collections.unmodifiableList(out) : FAILED;
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!(node instanceof Node.MapNode m)) {
        return mismatch(node, path, "a mapping", null, secret);
      }
      Class<?> keyType = PropTypes.rawClass(PropTypes.typeArgument(type, 0));
      Type item = PropTypes.typeArgument(type, 1);
      Map<Object, Object> out = new LinkedHashMap<>();
      boolean ok = true;
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        Object k = key(keyType, m, e.getKey(), path);
        Object v = value(item, e.getValue(), path + "." + e.getKey(), secret);
        ok &= k != FAILED && v != FAILED;
        out.put(k, v);
      }
      return ok ? java.util.Collections.unmodifiableMap(out) : FAILED;
    }
    if (ExpressionBinder.handles(raw)) {
      return expressions.bind(raw, node, path, secret);
    }
    if (Scalars.handles(raw)) {
      if (!(node instanceof Node.ScalarNode s)) {
        return mismatch(node, path, PropTypes.expected(raw), null, secret);
      }
      try {
        return Scalars.convert(raw, s);
      } catch (Scalars.Mismatch m) {
        return mismatch(node, path, m.expected, m.hint, secret);
      } catch (Scalars.Invalid e) {
        error(node.location(), noun + " '" + path + "': " + e.getMessage(), null);
        return FAILED;
      }
    }
    error(
        node.location(),
        noun + " '" + path + "' has a type Flow cannot bind: " + type.getTypeName(),
        null);
    return FAILED;
  }

  /**
   * A mapping's key as {@code keyType}: the text itself for a string, else parsed like a scalar (a
   * field path); a key that does not parse is reported at the key, naming the mapping's prop.
   */
  private Object key(Class<?> keyType, Node.MapNode map, String key, String path) {
    if (keyType == String.class || keyType == Object.class) {
      return key;
    }
    if (!Scalars.handles(keyType) || keyType.isPrimitive()) {
      throw new IllegalStateException(
          noun + " '" + path + "' has a key type Flow cannot bind: " + keyType.getName());
    }
    Location at = map.keyLocation(key);
    try {
      return Scalars.convert(keyType, new Node.ScalarNode(key, at));
    } catch (Scalars.Mismatch m) {
      error(
          at,
          noun + " '" + path + "' has a key that must be " + m.expected + ", found '" + key + "'",
          m.hint);
    } catch (Scalars.Invalid e) {
      error(at, noun + " '" + path + "': " + e.getMessage(), null);
    }
    return FAILED;
  }

  private static String article(Class<?> nodeType) {
    return nodeType == Node.MapNode.class
        ? "a mapping"
        : nodeType == Node.ListNode.class ? "a list" : "a single value";
  }

  Object mismatch(Node node, String path, String expected, String hint, boolean secret) {
    error(
        node.location(),
        noun + " '" + path + "' must be " + expected + ", found " + PropTypes.found(node, secret),
        hint);
    return FAILED;
  }

  void error(Location at, String message, String hint) {
    problems.add(new Problem(at, stage, action, dev.flow.model.Severity.ERROR, message, hint));
  }

  String noun() {
    return noun;
  }

  /** Each options record's canonical constructor, looked up once. */
  private static final ClassValue<Constructor<?>> CONSTRUCTORS =
      new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
          Class<?>[] types =
              PropSpec.of(type).stream().map(PropSpec::rawType).toArray(Class<?>[]::new);
          try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c;
          } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalStateException("cannot create options record " + type.getName(), e);
          }
        }
      };

  private Object construct(Class<?> type, List<PropSpec> specs, Object[] args, Location at) {
    try {
      return CONSTRUCTORS.get(type).newInstance(args);
    } catch (InvocationTargetException e) {
      if (salvage) {
        return FAILED;
      }
      Throwable t = e.getCause();
      String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      error(at, "the " + plural() + " are not valid together: " + why, null);
      return FAILED;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot create options record " + type.getName(), e);
    }
  }
}

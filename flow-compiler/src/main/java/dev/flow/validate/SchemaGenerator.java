package dev.flow.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.expr.Condition;
import dev.flow.expr.Expression;
import dev.flow.expr.Template;
import dev.flow.model.Node;
import dev.flow.parse.NodeJson;
import dev.flow.parse.Suggestions;
import dev.flow.spi.ActionFactory;
import dev.flow.spi.FlowSettings;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Generates the extended flow JSON Schema (draft-07) that editors use for completion and checks:
 * the seed's keys, Flow's extensions ({@code description}, {@code settings}), and, per action, the
 * props its options record declares (types, defaults, descriptions, enums), chosen by {@code
 * if}/{@code then} on the action name.
 */
public final class SchemaGenerator {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String PARAMETER = ".*\\$\\{[^}]+\\}.*";
  static final String DURATION_PATTERN =
      "^\\s*\\d+(\\.\\d+)?\\s*([mM][sS]|[sSmMhHdD])\\s*$|^[pP].+$";

  /** What {@link dev.flow.spi.DataSize#parse} reads: 512, 64kb, 64 KiB, 128m, 1gibibytes. */
  static final String SIZE_PATTERN =
      "^\\s*\\d+\\s*([bB]([yY][tT][eE][sS]?)?"
          + "|[kKmMgGtT]([bB]|[iI][bB]|[iIeE][bB][iI][bB][yY][tT][eE][sS])?)?\\s*$";

  private final ActionRegistry registry;

  public SchemaGenerator(ActionRegistry registry) {
    this.registry = registry;
  }

  /** The schema as pretty-printed JSON text. */
  public String generateText() {
    return generate().toPrettyString();
  }

  /** The schema. */
  public ObjectNode generate() {
    ObjectNode root = F.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", "Flow");
    root.put("description", "A flow: a trigger, the stages it feeds, and optional settings.");
    root.put("type", "object");
    root.put("additionalProperties", false);
    root.set("required", strings(List.of("name", "stages")));
    ObjectNode props = root.putObject("properties");
    props.set("name", described(type("string"), "Uniquely identify the flow"));
    props.set("description", described(type("string"), "What the flow does, for people."));
    ObjectNode stages = described(type("array"), "List of stages for the flow");
    stages.putObject("items").put("$ref", "#/definitions/stage");
    props.set("stages", stages);
    props.set("settings", record(FlowSettings.class, List.of()));
    ObjectNode defs = root.putObject("definitions");
    defs.set("stage", stage(defs));
    return root;
  }

  private ObjectNode stage(ObjectNode defs) {
    ObjectNode s = type("object");
    s.put("additionalProperties", false);
    s.set("required", strings(List.of("name", "action")));
    ObjectNode p = s.putObject("properties");
    p.set("name", described(type("string"), "Uniquely identify the stage within a flow"));
    List<String> names = new ArrayList<>();
    registry.all().forEach(f -> names.add(f.name()));
    ObjectNode action =
        described(
            F.objectNode(),
            "The action this stage performs: a packaged action, or the class name of a custom one.");
    ArrayNode anyOf = action.putArray("anyOf");
    anyOf.addObject().set("enum", strings(names));
    anyOf.add(type("string"));
    p.set("action", action);
    p.set("props", described(type("object"), "Props to pass to the action."));
    ObjectNode out =
        described(type("array"), "List of stages to invoke with the result of this stage.");
    out.set("items", type("string"));
    p.set("out", out);
    ArrayNode allOf = s.putArray("allOf");
    for (ActionFactory<? extends Record> f : registry.all()) {
      String key = "action-" + Suggestions.loose(f.name());
      ObjectNode options = record(f.optionsClass(), PropSpec.of(CommonProps.class));
      options.put("description", f.kind().label() + ": " + f.description());
      defs.set(key, options);
      List<String> spellings = new ArrayList<>();
      spellings.add(f.name());
      spellings.addAll(f.aliases());
      ObjectNode rule = allOf.addObject();
      ObjectNode cond = rule.putObject("if");
      cond.putObject("properties").putObject("action").set("enum", strings(spellings));
      cond.set("required", strings(List.of("action")));
      rule.putObject("then")
          .putObject("properties")
          .putObject("props")
          .put("$ref", "#/definitions/" + key);
    }
    return s;
  }

  /** An object schema for an options record, plus {@code extra} props (the common ones). */
  ObjectNode record(Class<?> type, Collection<PropSpec> extra) {
    ObjectNode o = type("object");
    o.put("additionalProperties", false);
    ObjectNode props = o.putObject("properties");
    List<String> required = new ArrayList<>();
    List<PropSpec> all = new ArrayList<>(PropSpec.flat(type));
    extra.stream()
        .filter(e -> all.stream().noneMatch(a -> a.name().equals(e.name())))
        .forEach(all::add);
    for (PropSpec spec : all) {
      ObjectNode p = limited(schema(spec.type()), spec);
      if (!spec.description().isEmpty()) {
        p.put("description", spec.description());
      }
      if (spec.defaultValue() != null) {
        p.set("default", NodeJson.toJson(Defaults.node(spec)));
      }
      if (spec.secret()) {
        p.put("writeOnly", true);
      }
      if (!spec.example().isEmpty()) {
        p.set("examples", strings(List.of(spec.example())));
      }
      if (spec.required()) {
        required.add(spec.name());
      }
      props.set(spec.name(), p);
    }
    if (!required.isEmpty()) {
      o.set("required", strings(required));
    }
    return o;
  }

  private ObjectNode schema(Type type) {
    Class<?> raw = PropTypes.rawClass(type);
    if (raw == String.class || ExpressionBinder.handles(raw)) {
      ObjectNode s = type("string");
      if (raw == Condition.class || raw == Expression.class || raw == Template.class) {
        s.put("$comment", raw.getSimpleName().toLowerCase(java.util.Locale.ROOT));
      }
      return s;
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return orParameter(type("integer"));
    }
    if (raw == double.class || raw == Double.class) {
      return orParameter(type("number"));
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return orParameter(type("boolean"));
    }
    if (raw == Duration.class) {
      return type("string").put("pattern", DURATION_PATTERN);
    }
    if (raw == dev.flow.spi.DataSize.class) {
      ObjectNode s = F.objectNode();
      ArrayNode any = s.putArray("anyOf");
      any.add(type("integer").put("minimum", 0));
      any.add(type("string").put("pattern", SIZE_PATTERN));
      return s;
    }
    if (raw == java.time.Instant.class) {
      ObjectNode s = F.objectNode();
      ArrayNode any = s.putArray("anyOf");
      any.add(type("integer"));
      any.add(type("string"));
      return s;
    }
    if (raw == java.util.regex.Pattern.class) {
      return type("string").put("format", "regex");
    }
    if (raw == dev.flow.record.FieldPath.class) {
      return type("string").put("minLength", 1);
    }
    if (raw.isEnum()) {
      List<String> values = new ArrayList<>(Scalars.enumNames(raw));
      for (Object c : raw.getEnumConstants()) {
        values.add(((Enum<?>) c).name());
      }
      ObjectNode s = type("string");
      s.set("enum", strings(values));
      return s;
    }
    if (raw == Node.MapNode.class || raw == com.fasterxml.jackson.databind.node.ObjectNode.class) {
      return type("object");
    }
    if (raw == Node.ListNode.class || raw == ArrayNode.class) {
      return type("array");
    }
    if (raw == Node.class || raw == JsonNode.class || raw == Node.ScalarNode.class) {
      return F.objectNode();
    }
    if (PropTypes.isOptionsRecord(raw)) {
      return record(raw, List.of());
    }
    if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
      ObjectNode s = type("array");
      s.set("items", schema(argument(type, 0)));
      return s;
    }
    if (Map.class.isAssignableFrom(raw)) {
      ObjectNode s = type("object");
      Type key = argument(type, 0);
      if (key != String.class) {
        s.set("propertyNames", schema(key));
      }
      s.set("additionalProperties", schema(argument(type, 1)));
      return s;
    }
    return F.objectNode();
  }

  /** A number prop's {@code min} and {@code max} as {@code minimum} and {@code maximum}. */
  private static ObjectNode limited(ObjectNode s, PropSpec spec) {
    if (spec.min() == null && spec.max() == null) {
      return s;
    }
    Class<?> raw = spec.rawType();
    boolean whole =
        raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class;
    if (!whole && raw != double.class && raw != Double.class) {
      return s; // durations and sizes are strings: their limits are checked by the validator
    }
    ObjectNode number = s.has("anyOf") ? (ObjectNode) s.get("anyOf").get(0) : s;
    if (spec.min() != null) {
      number.set("minimum", NodeJson.toJson(limit(spec.min(), whole)));
    }
    if (spec.max() != null) {
      number.set("maximum", NodeJson.toJson(limit(spec.max(), whole)));
    }
    return s;
  }

  private static Node limit(String text, boolean whole) {
    dev.flow.model.Location at = new dev.flow.model.Location("limit", 0, 0);
    Object v =
        whole ? (Object) Long.parseLong(text.trim()) : (Object) Double.parseDouble(text.trim());
    return new Node.ScalarNode(v, at);
  }

  /** Numbers and booleans may also be written as a {@code ${set__param}} reference. */
  private static ObjectNode orParameter(ObjectNode s) {
    ObjectNode o = F.objectNode();
    ArrayNode any = o.putArray("anyOf");
    any.add(s);
    any.add(type("string").put("pattern", PARAMETER));
    return o;
  }

  private static Type argument(Type type, int i) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      return p.getActualTypeArguments()[i];
    }
    return String.class;
  }

  private static ObjectNode type(String t) {
    return F.objectNode().put("type", t);
  }

  private static ObjectNode described(ObjectNode o, String d) {
    return o.put("description", d);
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }
}

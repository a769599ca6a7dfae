package dev.flow.actions.testing;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flow.record.Json;
import dev.flow.spi.Prop;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds options records for tests from YAML props, filling in each {@link Prop}'s default. It
 * binds the simple types actions use; it is not the flow's validator.
 */
public final class TestOptions {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private TestOptions() {}

  /** Options of type {@code type} from props written as YAML, e.g. {@code "{drop: [a]}"}. */
  public static <R extends Record> R of(Class<R> type, String yaml) {
    try {
      JsonNode parsed = yaml == null || yaml.isBlank() ? null : YAML.readTree(yaml);
      ObjectNode props = parsed == null ? Json.NODES.objectNode() : (ObjectNode) parsed;
      RecordComponent[] components = type.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        types[i] = c.getType();
        Prop prop = c.getAnnotation(Prop.class);
        String name = prop == null || prop.name().isEmpty() ? c.getName() : prop.name();
        JsonNode value = props.remove(name);
        if (value == null && prop != null && !Prop.NO_DEFAULT.equals(prop.defaultValue())) {
          // A String default is taken verbatim ("***" is not valid YAML); others are YAML.
          value =
              c.getType() == String.class
                  ? Json.NODES.textNode(prop.defaultValue())
                  : YAML.readTree(prop.defaultValue());
        }
        args[i] = value == null ? absent(c.getType()) : bind(c, value);
      }
      if (!props.isEmpty()) {
        Iterator<String> names = props.fieldNames();
        throw new IllegalArgumentException("unknown prop " + names.next() + " for " + type);
      }
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Options with only defaults. */
  public static <R extends Record> R defaults(Class<R> type) {
    return of(type, null);
  }

  /** Converts one prop value to the component's type, the way a flow would write it. */
  static Object bind(RecordComponent c, JsonNode value) {
    Class<?> t = c.getType();
    if (t == Duration.class) {
      return duration(value.asText());
    }
    if (t.isEnum()) {
      return constant(t, c.getName(), value);
    }
    if (java.util.List.class.isAssignableFrom(t)
        && c.getGenericType() instanceof java.lang.reflect.ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> e
        && e.isEnum()
        && value.isArray()) {
      java.util.List<Object> list = new java.util.ArrayList<>();
      value.forEach(v -> list.add(constant(e, c.getName(), v)));
      return java.util.List.copyOf(list);
    }
    if (JsonNode.class.isAssignableFrom(t)) {
      return value;
    }
    if (t == String.class && !value.isTextual()) {
      return value.asText();
    }
    JavaType type = Json.MAPPER.getTypeFactory().constructType(c.getGenericType());
    return Json.MAPPER.convertValue(value, type);
  }

  /**
   * The constant of {@code type} a flow names loosely, as {@code person} or {@code at-least-once}.
   */
  private static Object constant(Class<?> type, String prop, JsonNode value) {
    String wanted = value.asText().replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().replace("_", "").equals(wanted)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("bad " + prop + ": " + value);
  }

  /** Parses {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1d}. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static Object absent(Class<?> t) {
    if (t == boolean.class) {
      return false;
    }
    if (t == int.class) {
      return 0;
    }
    if (t == long.class) {
      return 0L;
    }
    if (t == double.class) {
      return 0.0;
    }
    return null;
  }
}

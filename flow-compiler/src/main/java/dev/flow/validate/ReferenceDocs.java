package dev.flow.validate;

import dev.flow.spi.ActionFactory;
import dev.flow.spi.FlowSettings;
import dev.flow.spi.StageKind;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Generates the Markdown action reference: one section per action with its kind, description and a
 * table of its props (name, type, default, required, description), then the props every stage
 * accepts. Generated from the same declarations the validator reads, so it cannot drift.
 */
public final class ReferenceDocs {

  private final ActionRegistry registry;

  public ReferenceDocs(ActionRegistry registry) {
    this.registry = registry;
  }

  /** The whole reference as Markdown. */
  public String generate() {
    StringBuilder b = new StringBuilder();
    b.append("# Action reference\n\n");
    b.append("A stage's `action` names one of these actions. Names match loosely: case, spaces,")
        .append(" dashes and underscores do not matter.\n");
    List<ActionFactory<? extends Record>> actions =
        registry.all().stream()
            .sorted(
                Comparator.comparing((ActionFactory<? extends Record> f) -> f.kind())
                    .thenComparing(ActionFactory::name))
            .toList();
    for (ActionFactory<? extends Record> f : actions) {
      section(b, f);
    }
    b.append("\n## Props of every stage\n\n");
    b.append("`retry` is on by default: a transform that processes one record at a time tries a")
        .append(" record that fails transiently (I/O, a timeout, a transient SQL error, a")
        .append(
            " `TransientStageException`) 3 times in all, waiting 1s, then 2s, from the record as")
        .append(" it came in; a record that still fails goes to the error stage with `(after 3")
        .append(" attempts)` in its message, and any other failure goes there at once. An action")
        .append(" that retries by its own props says so above, and `retry` does not apply to it.")
        .append(" `retry: {attempts: 1}` turns retries off.\n\n");
    table(b, CommonProps.class);
    b.append("\n## Flow settings\n\n");
    b.append("The optional top-level `settings` of a flow.\n\n");
    table(b, FlowSettings.class);
    return b.toString();
  }

  /**
   * The README's table of Flow's own actions by kind, in Markdown: one row per kind, the actions in
   * the order they are registered. Actions from other jars (custom or test actions) are left out.
   */
  public String actionsTable() {
    StringBuilder b = new StringBuilder("| kind | actions |\n|---|---|\n");
    for (StageKind kind : StageKind.values()) {
      List<String> names =
          registry.all().stream()
              .filter(f -> f.kind() == kind && isPackaged(f))
              .map(f -> "`" + f.name() + "`")
              .toList();
      if (!names.isEmpty()) {
        b.append("| ").append(kind.label()).append("s | ");
        b.append(String.join(", ", names)).append(" |\n");
      }
    }
    return b.toString();
  }

  /** The README's table of the flow settings, in Markdown. */
  public static String settingsTable() {
    StringBuilder b = new StringBuilder();
    table(b, FlowSettings.class);
    return b.toString();
  }

  private static boolean isPackaged(ActionFactory<?> f) {
    String p = f.getClass().getPackageName();
    return p.startsWith("dev.flow.actions.") || p.startsWith("dev.flow.connectors.");
  }

  private void section(StringBuilder b, ActionFactory<? extends Record> f) {
    b.append("\n## ").append(f.name()).append("\n\n");
    b.append("*").append(kindLabel(f.kind())).append("*");
    if (!f.aliases().isEmpty()) {
      b.append(" · also `").append(String.join("`, `", f.aliases())).append('`');
    }
    b.append("\n\n").append(f.description()).append("\n\n");
    List<String> retries = f.retryProps();
    if (!retries.isEmpty()) {
      b.append("Retries transient failures by its own props `")
          .append(String.join("`, `", retries))
          .append("`; the common `retry` prop does not apply to it.\n\n");
    }
    if (PropSpec.flat(f.optionsClass()).isEmpty()) {
      b.append("This action has no props of its own.\n");
    } else {
      table(b, f.optionsClass());
    }
  }

  private static String kindLabel(StageKind k) {
    String l = k.label();
    return Character.toUpperCase(l.charAt(0)) + l.substring(1);
  }

  private static void table(StringBuilder b, Class<?> options) {
    b.append("| Prop | Type | Default | Required | Description |\n");
    b.append("|---|---|---|---|---|\n");
    rows(b, options, "");
  }

  private static void rows(StringBuilder b, Class<?> options, String prefix) {
    for (PropSpec p : PropSpec.flat(options)) {
      String def = p.defaultValue() == null ? "" : "`" + cell(p.defaultValue()) + "`";
      String desc = cell(p.description()) + (p.secret() ? " Secret: never shown." : "");
      b.append("| `")
          .append(prefix)
          .append(p.name())
          .append("` | ")
          .append(cell(typeName(p.type()) + limits(p)))
          .append(" | ")
          .append(def)
          .append(" | ")
          .append(p.required() ? "yes" : "no")
          .append(" | ")
          .append(desc.trim())
          .append(" |\n");
      if (PropTypes.isOptionsRecord(p.rawType())) {
        rows(b, p.rawType(), prefix + p.name() + ".");
      }
    }
  }

  private static String limits(PropSpec p) {
    String l = Limits.describe(p);
    return l == null ? "" : ", " + l;
  }

  /** A prop type in words: "whole number", "list of string", "one of: a, b". */
  static String typeName(Type type) {
    Class<?> raw = PropTypes.rawClass(type);
    if (raw == String.class) {
      return "string";
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return "whole number";
    }
    if (raw == double.class || raw == Double.class) {
      return "number";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "boolean";
    }
    if (raw == Duration.class) {
      return "duration";
    }
    if (raw == java.time.Instant.class) {
      return "timestamp";
    }
    if (raw == dev.flow.spi.DataSize.class) {
      return "size";
    }
    if (raw == dev.flow.record.FieldPath.class) {
      return "field path";
    }
    if (raw == java.util.regex.Pattern.class) {
      return "regular expression";
    }
    if (raw.isEnum()) {
      return "one of: " + String.join(", ", Scalars.enumNames(raw));
    }
    if (ExpressionBinder.handles(raw)) {
      return raw.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
    if (PropTypes.isOptionsRecord(raw)) {
      return "mapping";
    }
    if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
      return "list of " + typeName(p.getActualTypeArguments()[0]);
    }
    if (Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
      Type key = p.getActualTypeArguments()[0];
      String value = typeName(p.getActualTypeArguments()[1]);
      return key == String.class
          ? "mapping of " + value
          : "mapping of " + typeName(key) + " to " + value;
    }
    if (raw.getSimpleName().equals("ListNode")) {
      return "list";
    }
    if (raw.getSimpleName().equals("MapNode") || raw.getSimpleName().equals("ObjectNode")) {
      return "mapping";
    }
    return "any";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}

package dev.flow.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.flow.parse.FileText;
import dev.flow.record.Json;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema loaded when the flow is built and compiled once per operator instance, checking
 * records and describing each mismatch in one line per violation.
 */
public final class CompiledSchema implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper YAML = new YAMLMapper();

  private final String source;
  private final String text;
  private transient JsonSchema schema;

  private CompiledSchema(String source, String text) {
    this.source = source;
    this.text = text;
  }

  /** Loads and compiles the schema {@code ref} names; throws with a readable message. */
  public static CompiledSchema load(SchemaRef ref) {
    JsonNode node = node(ref);
    String source = sourceOf(ref);
    if (!node.isObject() && !node.isBoolean()) {
      throw new IllegalArgumentException(source + " is not a JSON Schema (an object)");
    }
    List<MetaError> invalid = metaErrors(node);
    if (!invalid.isEmpty()) {
      throw new InvalidSchemaException(source, invalid);
    }
    CompiledSchema s = new CompiledSchema(source, node.toString());
    s.compiled();
    return s;
  }

  /** One place where a schema breaks the rules of JSON Schema itself. */
  public record MetaError(List<String> path, String message) {
    /** The path, dotted: {@code properties.id.type}; empty for the schema's root. */
    public String dotted() {
      return String.join(".", path);
    }

    @Override
    public String toString() {
      return (path.isEmpty() ? "" : "at " + dotted() + ": ") + message;
    }
  }

  /** A schema that is not a valid JSON Schema, with each place that breaks the rules. */
  public static final class InvalidSchemaException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<MetaError> errors;

    InvalidSchemaException(String source, List<MetaError> errors) {
      super(
          source
              + " is not a valid JSON Schema: "
              + String.join("; ", errors.stream().map(MetaError::toString).toList()));
      this.errors = List.copyOf(errors);
    }

    /** Each place that breaks the rules, first in document order. */
    public List<MetaError> errors() {
      return errors;
    }
  }

  /**
   * Where {@code node} breaks the meta-schema of its JSON Schema version (2020-12 unless its {@code
   * $schema} says otherwise): one error per place, in document order.
   */
  public static List<MetaError> metaErrors(JsonNode node) {
    SpecVersion.VersionFlag v;
    try {
      v = node.has("$schema") ? SpecVersionDetector.detect(node) : SpecVersion.VersionFlag.V202012;
    } catch (RuntimeException e) {
      return List.of(new MetaError(List.of("$schema"), e.getMessage()));
    }
    JsonSchema meta = JsonSchemaFactory.getInstance(v).getSchema(SchemaLocation.of(v.getId()));
    Map<String, List<ValidationMessage>> byPlace = new LinkedHashMap<>();
    for (ValidationMessage m : meta.validate(node)) {
      byPlace.computeIfAbsent(m.getInstanceLocation().toString(), k -> new ArrayList<>()).add(m);
    }
    List<MetaError> out = new ArrayList<>();
    byPlace.forEach(
        (place, msgs) -> {
          List<String> path = new ArrayList<>();
          JsonNodePath p = msgs.get(0).getInstanceLocation();
          for (int i = 0; i < p.getNameCount(); i++) {
            path.add(String.valueOf(p.getElement(i)));
          }
          out.add(new MetaError(List.copyOf(path), describe(node, path, msgs)));
        });
    out.sort(java.util.Comparator.comparing(MetaError::dotted));
    return out;
  }

  /**
   * The library's messages at one place, without the repeated path; when one of them lists the
   * allowed values (as for {@code type}), that one alone, with the value found.
   */
  private static String describe(JsonNode root, List<String> path, List<ValidationMessage> msgs) {
    JsonNode value = root;
    for (String part : path) {
      value = value.isArray() ? value.path(Integer.parseInt(part)) : value.path(part);
    }
    for (ValidationMessage m : msgs) {
      if ("enum".equals(m.getType()) && value.isValueNode()) {
        String allowed =
            m.getArguments() != null && m.getArguments().length > 0
                ? String.valueOf(m.getArguments()[0])
                : "";
        return value + " is not one of " + allowed.replace("\"", "");
      }
    }
    List<String> texts = new ArrayList<>();
    for (ValidationMessage m : msgs) {
      String t = m.getMessage();
      String prefix = m.getInstanceLocation() + ": ";
      texts.add(t.startsWith(prefix) ? t.substring(prefix.length()) : t);
    }
    return String.join("; ", texts.stream().distinct().sorted().toList());
  }

  private static String sourceOf(SchemaRef ref) {
    if (ref.schema() != null) {
      return "inline schema";
    }
    if (ref.file() != null) {
      return "schema file " + ref.file();
    }
    return "schema '" + ref.entry() + "' of " + ref.manifest();
  }

  /** The schema document {@code ref} names, loaded; throws with a readable message. */
  public static JsonNode node(SchemaRef ref) {
    String problem = ref.problem();
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    JsonNode node;
    String source;
    if (ref.schema() != null) {
      node = ref.schema();
      source = "inline schema";
    } else if (ref.file() != null) {
      node = read("schema file", ref.file());
      source = "schema file " + ref.file();
    } else {
      JsonNode manifest = read("manifest", ref.manifest());
      JsonNode entries = manifest.has(ref.entry()) ? manifest : manifest.path("schemas");
      node = entries.get(ref.entry());
      if (node == null) {
        throw new IllegalArgumentException(
            "manifest " + ref.manifest() + " has no schema named '" + ref.entry() + "'");
      }
      source = "schema '" + ref.entry() + "' of " + ref.manifest();
    }
    return node;
  }

  /** Where the schema came from, for messages. */
  public String source() {
    return source;
  }

  /** The violations of {@code value}, one line each; empty when it matches. */
  public List<String> check(JsonNode value) {
    Set<ValidationMessage> msgs = compiled().validate(value);
    return msgs.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  private JsonSchema compiled() {
    if (schema == null) {
      try {
        JsonNode node = Json.MAPPER.readTree(text);
        SpecVersion.VersionFlag v =
            node.has("$schema")
                ? SpecVersionDetector.detect(node)
                : SpecVersion.VersionFlag.V202012;
        schema = JsonSchemaFactory.getInstance(v).getSchema(node);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(source + " does not compile: " + e.getMessage(), e);
      }
    }
    return schema;
  }

  /** The largest schema or manifest file read. */
  private static final long MAX_BYTES = 16L << 20;

  private static JsonNode read(String what, String file) {
    Path path = Path.of(file);
    String where =
        what + " " + file + (path.isAbsolute() ? "" : " (" + path.toAbsolutePath() + ")");
    try {
      JsonNode n = YAML.readTree(FileText.readUtf8(path, MAX_BYTES));
      if (n == null || n.isMissingNode()) {
        throw new IllegalArgumentException(where + " is empty");
      }
      return n;
    } catch (FileText.ReadException e) {
      throw new IllegalArgumentException("cannot read " + where + ": " + e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          where + " is not YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}

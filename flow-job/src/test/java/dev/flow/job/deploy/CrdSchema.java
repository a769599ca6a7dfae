package dev.flow.job.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The openAPIV3Schema of a CRD shipped in the operator's API jar, as a JSON Schema. Objects that
 * list their properties and do not preserve unknown fields reject other fields, as the API server's
 * strict field validation does.
 */
public final class CrdSchema {

  /** The FlinkDeployment CRD of operator 1.10. */
  public static final CrdSchema FLINK_DEPLOYMENT =
      load("META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml");

  /** The FlinkSessionJob CRD of operator 1.10. */
  public static final CrdSchema FLINK_SESSION_JOB =
      load("META-INF/fabric8/flinksessionjobs.flink.apache.org-v1.yml");

  private final String group;
  private final String kind;
  private final List<String> versions;
  private final JsonSchema schema;

  private CrdSchema(String group, String kind, List<String> versions, JsonSchema schema) {
    this.group = group;
    this.kind = kind;
    this.versions = versions;
    this.schema = schema;
  }

  private static CrdSchema load(String resource) {
    try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      JsonNode crd = new YAMLMapper().readTree(in);
      JsonNode spec = crd.get("spec");
      List<String> versions = new ArrayList<>();
      JsonNode openApi = null;
      for (JsonNode v : spec.get("versions")) {
        versions.add(v.get("name").asText());
        if (v.path("storage").asBoolean()) {
          openApi = v.get("schema").get("openAPIV3Schema").deepCopy();
        }
      }
      // Every resource has these; the CRDs leave them to the API server.
      ObjectNode props = ((ObjectNode) openApi).with("properties");
      props.putObject("apiVersion").put("type", "string");
      props.putObject("kind").put("type", "string");
      props.putObject("metadata").put("type", "object");
      closeObjects(openApi);
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi);
      return new CrdSchema(
          spec.get("group").asText(), spec.get("names").get("kind").asText(), versions, schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resource's kind as the CRD names it. */
  public String kind() {
    return kind;
  }

  /** Every way the resource breaks the CRD: apiVersion, kind and the schema; empty when valid. */
  public List<String> validate(JsonNode resource) {
    List<String> errors = new ArrayList<>();
    String apiVersion = resource.path("apiVersion").asText();
    if (!versions.stream().map(v -> group + "/" + v).toList().contains(apiVersion)) {
      errors.add("apiVersion " + apiVersion + " is not one of " + group + "/" + versions);
    }
    if (!kind.equals(resource.path("kind").asText())) {
      errors.add("kind " + resource.path("kind").asText() + " is not " + kind);
    }
    if (resource.path("metadata").path("name").asText().isEmpty()) {
      errors.add("metadata.name is missing");
    }
    for (ValidationMessage m : schema.validate(resource)) {
      errors.add(m.getMessage());
    }
    return errors;
  }

  /** Walks a schema (not its property maps) and closes each object that lists properties. */
  private static void closeObjects(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    ObjectNode obj = (ObjectNode) schema;
    if (obj.has("properties")) {
      if (!obj.has("additionalProperties")
          && !obj.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
        obj.put("additionalProperties", false);
      }
      Iterator<JsonNode> props = obj.get("properties").elements();
      while (props.hasNext()) {
        closeObjects(props.next());
      }
    }
    closeObjects(obj.get("items"));
    closeObjects(obj.get("additionalProperties"));
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      for (JsonNode sub : obj.path(combinator)) {
        closeObjects(sub);
      }
    }
  }
}

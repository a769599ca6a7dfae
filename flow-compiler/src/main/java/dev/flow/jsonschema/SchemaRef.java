package dev.flow.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.spi.Prop;
import java.io.Serializable;

/**
 * Where a JSON Schema comes from: written inline, a schema file, or a named entry of a manifest
 * file (a YAML or JSON mapping of names to schemas, optionally under a top-level {@code schemas}).
 */
public record SchemaRef(
    @Prop(description = "The JSON Schema itself, written in YAML or JSON.") JsonNode schema,
    @Prop(
            description =
                "A JSON or YAML file holding the schema; a relative path is read from the flow"
                    + " file's folder.",
            file = true)
        String file,
    @Prop(
            description =
                "A manifest file: a mapping of schema names to schemas; a relative path is read"
                    + " from the flow file's folder.",
            file = true)
        String manifest,
    @Prop(description = "The name of the schema in the manifest.") String entry)
    implements Serializable {

  /** Why this reference is incomplete or ambiguous, or null when it names exactly one schema. */
  public String problem() {
    int set = (schema != null ? 1 : 0) + (file != null ? 1 : 0) + (manifest != null ? 1 : 0);
    if (set != 1) {
      return "set exactly one of 'schema', 'file' and 'manifest' (with 'entry')";
    }
    if (manifest != null && entry == null) {
      return "'manifest' needs 'entry', the name of the schema in it";
    }
    if (manifest == null && entry != null) {
      return "'entry' needs 'manifest', the file that holds it";
    }
    return null;
  }
}

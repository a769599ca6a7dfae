package dev.flow.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.spi.Prop;
import java.io.Serializable;

/**
 * The common {@code expectedInput} prop: the JSON Schema a stage's input records should match, and
 * what a mismatch does.
 */
public record ExpectedInput(
    @Prop(description = "The JSON Schema of the expected input, written inline.") JsonNode schema,
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
    @Prop(description = "The name of the schema in the manifest.") String entry,
    @Prop(
            description =
                "warn: count the mismatch in the inputMismatches metric, log a sample and pass the"
                    + " record on; reject: send the record to the error stage.",
            defaultValue = "warn")
        OnMismatch onMismatch)
    implements Serializable {

  /** What a record that does not match does. */
  public enum OnMismatch {
    WARN,
    REJECT
  }

  /** True when a schema source is written at all. */
  public boolean isSet() {
    return schema != null || file != null || manifest != null || entry != null;
  }

  /** The schema reference. */
  public SchemaRef ref() {
    return new SchemaRef(schema, file, manifest, entry);
  }
}

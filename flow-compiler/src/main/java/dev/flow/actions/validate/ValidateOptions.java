package dev.flow.actions.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.spi.Prop;
import java.io.Serializable;

/** Props of the {@code Validate} action; exactly one of schema, file and manifest is set. */
public record ValidateOptions(
    @Prop(
            description = "The JSON Schema records must match, written inline.",
            example = "{type: object, required: [id], properties: {id: {type: integer}}}")
        JsonNode schema,
    @Prop(
            description =
                "A JSON or YAML file holding the JSON Schema; a relative path is read from the"
                    + " flow file's folder.",
            file = true)
        String file,
    @Prop(
            description =
                "A manifest file: a mapping of schema names to JSON Schemas; a relative path is"
                    + " read from the flow file's folder.",
            file = true)
        String manifest,
    @Prop(description = "The name of the schema in the manifest.") String entry)
    implements Serializable {}

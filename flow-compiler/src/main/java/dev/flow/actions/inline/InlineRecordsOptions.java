package dev.flow.actions.inline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.spi.Prop;
import java.util.List;

/**
 * Props of the {@code Inline Records} trigger.
 *
 * @param records the records to emit, in order
 */
public record InlineRecordsOptions(
    @Prop(
            description = "The records to emit, in order: a list of JSON objects.",
            required = true,
            example = "[{id: 1, name: ann}, {id: 2, name: bob}]")
        List<ObjectNode> records) {}

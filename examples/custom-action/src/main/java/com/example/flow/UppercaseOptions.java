package com.example.flow;

import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;

/**
 * The props of the {@code Uppercase} action, declared once: the validator, the reference docs and
 * the editor schema all read these declarations. Their types and limits are checked when the flow
 * is validated, and a bad value is reported at its line and column, naming its prop, before {@link
 * UppercaseTransformFactory#validate} runs.
 *
 * @param field the field to upper-case
 * @param maxLength the longest value upper-cased
 */
public record UppercaseOptions(
    @Prop(description = "The field to upper-case, e.g. customer.name.", required = true)
        FieldPath field,
    @Prop(
            description =
                "The longest value upper-cased, in characters; a record whose value is longer goes"
                    + " to the error stage.",
            defaultValue = "10000",
            min = "1",
            max = "1000000")
        int maxLength)
    implements java.io.Serializable {}

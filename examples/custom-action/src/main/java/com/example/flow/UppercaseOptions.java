package com.example.flow;

import dev.flow.spi.Prop;

/**
 * The props of the {@code Uppercase} action, declared once: the validator, the reference docs and
 * the editor schema all read these declarations.
 *
 * @param field the field to upper-case, as a dotted path
 */
public record UppercaseOptions(
    @Prop(description = "The field to upper-case, e.g. customer.name.", required = true)
        String field)
    implements java.io.Serializable {}

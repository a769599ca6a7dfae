package dev.flow.actions.explode;

import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;

/**
 * Props of the {@code Explode} transform.
 *
 * @param field path of the array to explode
 * @param as path where each element goes; defaults to {@code field}
 * @param keepParent whether each output keeps the other fields of the input record
 * @param flatten whether an object element's fields are merged into the output's top level
 * @param indexField path that receives the element's 0-based index, if set
 */
public record ExplodeOptions(
    @Prop(description = "Path of the array to explode.", required = true, example = "items")
        FieldPath field,
    @Prop(
            description = "Path where each element goes; defaults to the path of field.",
            example = "item")
        FieldPath as,
    @Prop(
            description =
                "When true, each output record is the input record (without the array) plus one"
                    + " element; when false, it holds only the element.",
            defaultValue = "true")
        boolean keepParent,
    @Prop(
            description =
                "When true, an element that is an object has its fields merged into the top level"
                    + " of the output record instead of being put at 'as'.",
            defaultValue = "false")
        boolean flatten,
    @Prop(description = "Path that receives the element's 0-based index.", example = "position")
        FieldPath indexField) {}

package dev.flow.actions.deduplicate;

import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;

/** Props of the {@code Deduplicate} action. */
public record DeduplicateOptions(
    @Prop(description = "An expression whose value identifies repeats.", example = "orderId")
        Expression key,
    @Prop(description = "A field path whose value identifies repeats, instead of key.")
        FieldPath keyField,
    @Prop(
            description =
                "How long a key is remembered after its first record (processing time); a repeat"
                    + " within it is dropped.",
            defaultValue = "1h",
            min = "1ms")
        Duration ttl)
    implements Serializable {}

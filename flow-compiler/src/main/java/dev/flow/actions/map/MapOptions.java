package dev.flow.actions.map;

import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.io.Serializable;
import java.util.Map;

/** Props of the {@code Map} action. */
public record MapOptions(
    @Prop(
            description =
                "Fields to compute: a field path → an expression over the input record. Every"
                    + " expression sees the record as it came in; the results are then set in order.",
            required = true,
            example =
                "{total: \"price * double(qty)\", customer.tier: \"amount > 1000 ? 'gold' : 'std'\"}")
        Map<FieldPath, Expression> fields)
    implements Serializable {}

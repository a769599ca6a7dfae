package dev.flow.actions.filter;

import dev.flow.expr.Condition;
import dev.flow.spi.Prop;
import java.io.Serializable;

/** Props of the {@code Filter} action. */
public record FilterOptions(
    @Prop(
            description =
                "A boolean expression; records for which it is true pass, the others are filtered.",
            required = true,
            example = "amount > 100 && country == \"DE\"")
        Condition condition)
    implements Serializable {}

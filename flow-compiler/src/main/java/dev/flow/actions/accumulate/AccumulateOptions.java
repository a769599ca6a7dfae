package dev.flow.actions.accumulate;

import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;

/** Props of the {@code Accumulate} action. */
public record AccumulateOptions(
    @Prop(
            description = "Most records in one batch; 0 means no record limit.",
            defaultValue = "100",
            min = "0")
        int maxRecords,
    @Prop(
            description =
                "Most bytes of record JSON in one batch; 0 means no byte limit. A record larger"
                    + " than the limit makes a batch of its own.",
            defaultValue = "0",
            min = "0")
        long maxBytes,
    @Prop(
            description =
                "Longest time a batch stays open after its first record (processing time); 0"
                    + " means no time limit.",
            defaultValue = "10s")
        Duration maxWait,
    @Prop(
            description = "An expression whose value keys the batches; one batch per key.",
            example = "customer.id")
        Expression key,
    @Prop(description = "A field path whose value keys the batches, instead of key.")
        FieldPath keyField,
    @Prop(description = "The output field that holds the batch's records.", defaultValue = "items")
        String itemsField)
    implements Serializable {}

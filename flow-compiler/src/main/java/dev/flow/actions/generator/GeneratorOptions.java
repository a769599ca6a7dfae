package dev.flow.actions.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.util.Map;

/**
 * Props of the {@code Generator} trigger.
 *
 * @param fields field path → generator spec
 * @param rate records per second over all parallel instances; 0 for no limit
 * @param count records to emit before ending; 0 for no end
 * @param seed the seed of every random value
 */
public record GeneratorOptions(
    @Prop(
            description =
                "Field path → generator: seq, seq(start,step), int(min,max), double(min,max),"
                    + " double(min,max,decimals), bool, choice(a,b,...), uuid, string(length), now,"
                    + " millis, const(text); a number, boolean, object or array is a constant.",
            required = true,
            example = "{id: seq, user: 'choice(ann,bob,cy)', amount: 'int(1,500)', at: now}")
        Map<FieldPath, JsonNode> fields,
    @Prop(
            description = "Records per second over all parallel instances; 0 means no limit.",
            defaultValue = "10",
            min = "0")
        double rate,
    @Prop(
            description = "Records to emit before ending; 0 means no end.",
            defaultValue = "0",
            min = "0")
        long count,
    @Prop(
            description =
                "Seed of the random values: the same seed gives the same records at any"
                    + " parallelism and after restarts (except now and millis).",
            defaultValue = "0")
        long seed) {}

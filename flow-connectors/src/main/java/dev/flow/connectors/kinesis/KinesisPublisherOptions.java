package dev.flow.connectors.kinesis;

import dev.flow.expr.Expression;
import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.time.Duration;
import java.util.Map;

/** Props of the {@code Kinesis} publisher. */
public record KinesisPublisherOptions(
    @Prop(description = "The stream's name or ARN.", required = true, example = "orders-clean")
        String stream,
    AwsAccess aws,
    @Prop(
            description =
                "A field whose value becomes the partition key. Without partitionKeyField or"
                    + " partitionKeyExpression, or when the value is absent, the run id is used.")
        FieldPath partitionKeyField,
    @Prop(description = "An expression that computes the partition key.", example = "customer.id")
        Expression partitionKeyExpression,
    @Prop(
            description =
                "Further connector properties passed as they are, e.g. aws.credentials.provider"
                    + ".role.arn.",
            secret = true)
        Map<String, String> properties,
    @Prop(
            description =
                "Look the stream up when the job is built, which checks that Kinesis answers;"
                    + " 0s skips it.",
            defaultValue = "10s")
        Duration connectTimeout) {}

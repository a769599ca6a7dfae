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
        Duration connectTimeout,
    @Prop(
            description = "The most records in one PutRecords request (Kinesis allows 500).",
            defaultValue = "500",
            min = "1",
            max = "500")
        int batchSize,
    @Prop(
            description = "The longest a record waits for its request to fill.",
            defaultValue = "200ms")
        Duration linger,
    @Prop(
            description = "The time one PutRecords request may take.",
            defaultValue = "30s",
            min = "1ms")
        Duration timeout,
    @Prop(
            description =
                "Attempts after the first for a record Kinesis refused for a passing reason"
                    + " (ProvisionedThroughputExceededException, InternalFailure,"
                    + " KMSThrottlingException) or whose request failed (a connection error, a"
                    + " timeout, a 5xx); then the record goes to the error stage.",
            defaultValue = "5",
            min = "0")
        int retries,
    @Prop(
            description = "The wait before the first retry; it doubles each time.",
            defaultValue = "200ms")
        Duration backoff,
    @Prop(description = "The longest wait between retries.", defaultValue = "10s")
        Duration maxBackoff,
    @Prop(
            description =
                "Records not yet confirmed by Kinesis, per parallel instance; more wait"
                    + " (back-pressure).",
            defaultValue = "1000",
            min = "1")
        int maxInFlight) {}

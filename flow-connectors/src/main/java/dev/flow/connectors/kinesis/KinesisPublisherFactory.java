package dev.flow.connectors.kinesis;

import dev.flow.connectors.Route;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.IoContext;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.Resource;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The {@code Kinesis} publisher: writes each record's JSON payload to a Kinesis data stream, at
 * least once, in PutRecords requests of up to {@code batchSize} records. An entry Kinesis refuses
 * for a passing reason is sent again after a backoff, up to {@code retries} times; then, or at once
 * when the refusal is final (a record too large for the stream), the record goes to the error
 * stage.
 *
 * <p>The sending happens in an async I/O operator rather than a Flink sink, because a sink cannot
 * hand what fails for good to the error stage. The operator checkpoints every record Kinesis has
 * not confirmed and sends it again after a restore; a discarding sink ends the branch.
 */
public final class KinesisPublisherFactory implements PublisherFactory<KinesisPublisherOptions> {

  @Override
  public String name() {
    return "Kinesis Publisher";
  }

  @Override
  public List<String> aliases() {
    return List.of("Kinesis Sink", "Publish to Kinesis");
  }

  @Override
  public String description() {
    return "Writes each record's JSON payload to a Kinesis data stream, at least once, with the"
        + " partition key from a field or an expression; a record Kinesis refuses is retried"
        + " when the refusal may pass, then goes to the error stage.";
  }

  @Override
  public Class<KinesisPublisherOptions> optionsClass() {
    return KinesisPublisherOptions.class;
  }

  @Override
  public Optional<StageState> state(KinesisPublisherOptions o) {
    return Optional.of(
        StageState.of("the records not yet confirmed by Kinesis", "sink")
            .setting("stream", o.stream()));
  }

  @Override
  public void validate(KinesisPublisherOptions o, ValidationContext ctx) {
    o.aws().validate(ctx, o.stream());
    if (o.partitionKeyField() != null && o.partitionKeyExpression() != null) {
      ctx.error(
          "partitionKeyExpression", "set partitionKeyField or partitionKeyExpression, not both");
    }
  }

  @Override
  public void publish(DataStream<FlowRecord> input, KinesisPublisherOptions o, StageContext ctx) {
    KinesisAccess access = new KinesisAccess(o.aws(), o.properties());
    String arn = access.resolve(ctx, o.stream(), o.connectTimeout());
    Route route = new Route("stream", null, null, o.partitionKeyExpression());
    DataStream<FlowRecord> routed = route.isNeeded() ? ctx.process(input, route) : input;
    KinesisPublishFunction fn =
        new KinesisPublishFunction(
            arn,
            access.clientProperties(o.stream()),
            new KinesisPartitionKey(o.partitionKeyField()),
            o,
            ctx.stageName(),
            ctx.errorRecords());
    int capacity = Math.max(o.maxInFlight(), 2 * o.batchSize());
    // The async operator keeps the records not yet confirmed in its checkpointed state, under the
    // uid the stage's sink had; what Kinesis refused for good goes to the error stage.
    SingleOutputStreamOperator<FlowRecord> called =
        AsyncDataStream.unorderedWait(
                routed, fn, overallLimit(o).toMillis(), TimeUnit.MILLISECONDS, capacity)
            .returns(FlowRecordTypeInfo.INSTANCE)
            .uid(ctx.uid("sink"))
            .name(ctx.stageName())
            .setParallelism(ctx.parallelism());
    DataStream<FlowRecord> sent = ctx.routeMarkedErrors(called, "route");
    ctx.write(sent, new DiscardingSink<>())
        .uid(ctx.uid("end"))
        .name(ctx.stageName() + " (end)")
        .setParallelism(ctx.parallelism());
  }

  /** The async operator's safety-net time limit: linger, every attempt and every wait, and more. */
  static Duration overallLimit(KinesisPublisherOptions o) {
    return o.timeout()
        .plus(o.maxBackoff())
        .multipliedBy(o.retries() + 1L)
        .plus(o.linger())
        .plusMinutes(10);
  }

  /** Writes its stream, in its region (and endpoint). */
  @Override
  public List<Resource> io(KinesisPublisherOptions o, IoContext ctx) {
    if (o.stream() == null) {
      return List.of();
    }
    String[] s =
        KinesisTriggerFactory.kinesisStream(o.stream(), o.aws().region(), o.aws().endpoint());
    return List.of(Resource.writes("kinesis-stream", s[0], s[1]));
  }

  /** Writes each record's payload as it is. */
  @Override
  public FieldEffects fields(KinesisPublisherOptions o) {
    return FieldEffects.UNCHANGED;
  }
}

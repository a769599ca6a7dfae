package dev.flow.connectors.kinesis;

import dev.flow.connectors.Route;
import dev.flow.record.FlowRecord;
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
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSinkBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The {@code Kinesis} publisher: writes each record's JSON payload to a Kinesis data stream, at
 * least once (buffered records are flushed with every checkpoint).
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
        + " partition key from a field or an expression.";
  }

  @Override
  public Class<KinesisPublisherOptions> optionsClass() {
    return KinesisPublisherOptions.class;
  }

  @Override
  public Optional<StageState> state(KinesisPublisherOptions o) {
    return Optional.of(
        StageState.of("the records buffered but not yet sent", "sink")
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
    String arn =
        access.resolve(
            ctx,
            o.stream(),
            o.connectTimeout() == null ? Duration.ofSeconds(10) : o.connectTimeout());
    Route route = new Route("stream", null, null, o.partitionKeyExpression());
    DataStream<FlowRecord> routed = route.isNeeded() ? ctx.process(input, route) : input;
    KinesisStreamsSinkBuilder<FlowRecord> b =
        KinesisStreamsSink.<FlowRecord>builder()
            .setKinesisClientProperties(access.clientProperties(o.stream()))
            .setSerializationSchema(new PayloadBytes())
            .setPartitionKeyGenerator(new KinesisPartitionKey(o.partitionKeyField()))
            .setFailOnError(false);
    if (arn.startsWith("arn:")) {
      b.setStreamArn(arn);
    } else {
      b.setStreamName(arn);
    }
    ctx.write(routed, b.build())
        .name(ctx.stageName())
        .uid(ctx.uid("sink"))
        .setParallelism(ctx.parallelism());
  }

  /** The payload's JSON bytes. */
  static final class PayloadBytes implements SerializationSchema<FlowRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(FlowRecord r) {
      return r.toJsonBytes();
    }
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

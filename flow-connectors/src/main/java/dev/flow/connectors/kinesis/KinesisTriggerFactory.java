package dev.flow.connectors.kinesis;

import dev.flow.connectors.PayloadFormat;
import dev.flow.connectors.RecordDecoder;
import dev.flow.connectors.StartPosition;
import dev.flow.connectors.kinesis.KinesisTriggerOptions.StartFrom;
import dev.flow.record.FlowRecord;
import dev.flow.spi.IoContext;
import dev.flow.spi.Resource;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kinesis.source.KinesisStreamsSource;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The {@code Kinesis} trigger: reads a Kinesis data stream, one run per record. */
public final class KinesisTriggerFactory implements TriggerFactory<KinesisTriggerOptions> {

  /** The timestamp format the connector reads {@code flink.stream.initpos.timestamp} in. */
  static final DateTimeFormatter CONNECTOR_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  @Override
  public String name() {
    return "Kinesis Trigger";
  }

  @Override
  public List<String> aliases() {
    return List.of("Kinesis Source", "Read Kinesis");
  }

  @Override
  public String description() {
    return "Reads records from a Kinesis data stream; each record starts a run. Shard positions"
        + " are checkpointed, so a restored job resumes exactly where it was.";
  }

  @Override
  public Class<KinesisTriggerOptions> optionsClass() {
    return KinesisTriggerOptions.class;
  }

  @Override
  public Optional<StageState> state(KinesisTriggerOptions o) {
    return Optional.of(
        StageState.of("the assigned shards and their sequence numbers")
            .setting("stream", o.stream()));
  }

  @Override
  public boolean isBounded(KinesisTriggerOptions options) {
    return false;
  }

  @Override
  public void validate(KinesisTriggerOptions o, ValidationContext ctx) {
    o.aws().validate(ctx, o.stream());
    StartPosition.validate(
        ctx, o.startFrom() == StartFrom.AT_TIMESTAMP, "at_timestamp", o.startTimestamp());
    o.eventTime().validate(ctx, o.format());
  }

  @Override
  public DataStream<FlowRecord> create(KinesisTriggerOptions o, TriggerContext ctx) {
    KinesisAccess access = access(o);
    String arn =
        access.resolve(
            ctx,
            o.stream(),
            o.connectTimeout() == null ? Duration.ofSeconds(10) : o.connectTimeout());
    KinesisStreamsSource<FlowRecord> source =
        KinesisStreamsSource.<FlowRecord>builder()
            .setStreamArn(arn)
            .setSourceConfig(sourceConfig(o, access))
            .setDeserializationSchema(
                new KinesisRecordDecoder(
                    new RecordDecoder(
                        o.format() == null ? PayloadFormat.JSON : o.format(),
                        o.valueField(),
                        o.eventTimeField())))
            .build();
    return ctx.fromSource(source, watermarks(o));
  }

  static KinesisAccess access(KinesisTriggerOptions o) {
    return new KinesisAccess(o.aws(), o.properties());
  }

  /** The source configuration: the client properties plus start position and discovery. */
  static Configuration sourceConfig(KinesisTriggerOptions o, KinesisAccess access) {
    Properties p = access.clientProperties(o.stream());
    StartFrom from = o.startFrom() == null ? StartFrom.LATEST : o.startFrom();
    p.put("flink.stream.initpos", from.name());
    if (from == StartFrom.AT_TIMESTAMP) {
      p.put("flink.stream.initpos.timestamp", CONNECTOR_TIME.format(o.startTimestamp()));
    }
    Duration discovery =
        o.shardDiscoveryInterval() == null ? Duration.ofSeconds(10) : o.shardDiscoveryInterval();
    p.put("flink.shard.discovery.intervalmillis", Long.toString(discovery.toMillis()));
    Configuration c = new Configuration();
    p.forEach((k, v) -> c.setString(k.toString(), v.toString()));
    return c;
  }

  static WatermarkStrategy<FlowRecord> watermarks(KinesisTriggerOptions o) {
    return o.eventTime().watermarks();
  }

  /** Reads its stream, in its region (and endpoint). */
  @Override
  public List<Resource> io(KinesisTriggerOptions o, IoContext ctx) {
    if (o.stream() == null) {
      return List.of();
    }
    String[] s = kinesisStream(o.stream(), o.aws().region(), o.aws().endpoint());
    return List.of(Resource.reads("kinesis-stream", s[0], s[1]));
  }

  /** The region and endpoint a stream lives in, and the stream's name (from an ARN too). */
  static String[] kinesisStream(String stream, String region, String endpoint) {
    String name = stream;
    String reg = region;
    if (stream != null && stream.startsWith("arn:")) {
      String[] parts = stream.split(":");
      if (parts.length >= 6) {
        reg = reg != null ? reg : parts[3];
        name = parts[5].startsWith("stream/") ? parts[5].substring(7) : parts[5];
      }
    }
    String scope = (reg == null ? "" : reg) + (endpoint == null ? "" : " " + endpoint);
    return new String[] {scope.trim(), name};
  }
}

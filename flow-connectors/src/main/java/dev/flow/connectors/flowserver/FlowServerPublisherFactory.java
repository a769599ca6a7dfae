package dev.flow.connectors.flowserver;

import dev.flow.record.FlowRecord;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code Flow Server}: the runs stage and the error stage of a flow the server deployed, reporting
 * run outcomes or error records to the server's ingest API. The server sets it up when it deploys a
 * flow whose settings do not name their own; it is not an action a flow names.
 */
public final class FlowServerPublisherFactory implements PublisherFactory<FlowServerOptions> {

  @Override
  public String name() {
    return "Flow Server";
  }

  @Override
  public String description() {
    return "Reports run outcomes or error records to the Flow server that deployed the flow.";
  }

  @Override
  public Class<FlowServerOptions> optionsClass() {
    return FlowServerOptions.class;
  }

  @Override
  public void publish(DataStream<FlowRecord> input, FlowServerOptions o, StageContext ctx) {
    ctx.write(input, new FlowServerSink(o))
        .name(ctx.stageName())
        .uid(ctx.uid())
        .setParallelism(ctx.parallelism());
  }
}

package dev.flow.testactions;

import dev.flow.record.FlowRecord;
import dev.flow.spi.IoContext;
import dev.flow.spi.Prop;
import dev.flow.spi.Resource;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/** A custom trigger that declares, through the SPI, the queue it reads; for factory tests. */
public final class QueueTriggerFactory implements TriggerFactory<QueueTriggerFactory.Options> {

  /** Options of the queue trigger. */
  public record Options(@Prop(description = "The queue read.", required = true) String queue) {}

  @Override
  public String name() {
    return "Queue Trigger";
  }

  @Override
  public String description() {
    return "Reads a queue, for factory tests.";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public boolean isBounded(Options options) {
    return false;
  }

  @Override
  public List<Resource> io(Options o, IoContext ctx) {
    return List.of(Resource.reads("queue", "test", o.queue()));
  }

  @Override
  public DataStream<FlowRecord> create(Options options, TriggerContext ctx) {
    throw new UnsupportedOperationException("validation tests only");
  }
}

package dev.flow.testactions;

import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.IoContext;
import dev.flow.spi.Prop;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.Resource;
import dev.flow.spi.StageContext;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A custom publisher that declares, through the SPI, the queue it writes (and a writer id it must
 * hold alone) and that it writes records as they are; for factory tests.
 */
public final class QueuePublisherFactory
    implements PublisherFactory<QueuePublisherFactory.Options> {

  /** Options of the queue publisher. */
  public record Options(
      @Prop(description = "The queue written.", required = true) String queue,
      @Prop(description = "An id no other writer of the queue may use.") String writerId) {}

  @Override
  public String name() {
    return "Queue Publisher";
  }

  @Override
  public String description() {
    return "Writes a queue, for factory tests.";
  }

  @Override
  public Class<Options> optionsClass() {
    return Options.class;
  }

  @Override
  public List<Resource> io(Options o, IoContext ctx) {
    return List.of(
        Resource.writes("queue", "test", o.queue())
            .withExclusive(o.writerId() == null ? null : "writer id '" + o.writerId() + "'"));
  }

  @Override
  public FieldEffects fields(Options o) {
    return FieldEffects.UNCHANGED;
  }

  @Override
  public void publish(DataStream<FlowRecord> input, Options options, StageContext ctx) {
    throw new UnsupportedOperationException("validation tests only");
  }
}

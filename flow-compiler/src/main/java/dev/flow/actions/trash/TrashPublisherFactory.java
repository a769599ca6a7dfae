package dev.flow.actions.trash;

import dev.flow.record.FlowRecord;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The {@code Trash} publisher: discards every record, counting them. */
public final class TrashPublisherFactory implements PublisherFactory<TrashOptions> {

  @Override
  public String name() {
    return "Trash";
  }

  @Override
  public List<String> aliases() {
    return List.of("Discard");
  }

  @Override
  public String description() {
    return "Discards every record and counts them (metric recordsDiscarded). For benchmarks and"
        + " for error records nobody needs.";
  }

  @Override
  public Class<TrashOptions> optionsClass() {
    return TrashOptions.class;
  }

  @Override
  public void publish(DataStream<FlowRecord> input, TrashOptions options, StageContext ctx) {
    ctx.write(input, new TrashSink())
        .name(ctx.stageName())
        .uid(ctx.uid())
        .setParallelism(ctx.parallelism());
  }
}

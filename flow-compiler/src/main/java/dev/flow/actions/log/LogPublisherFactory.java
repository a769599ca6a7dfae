package dev.flow.actions.log;

import dev.flow.record.FlowRecord;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.StageContext;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The {@code Log} publisher: prints each record to stdout or stderr. It is also the default error
 * stage, so it never fails on a record.
 */
public final class LogPublisherFactory implements PublisherFactory<LogOptions> {

  @Override
  public String name() {
    return "Log";
  }

  @Override
  public List<String> aliases() {
    return List.of("Print", "Stdout", "Console");
  }

  @Override
  public String description() {
    return "Prints each record to stdout or stderr, as one line of JSON, indented JSON, or a line"
        + " with the stage and run id.";
  }

  @Override
  public Class<LogOptions> optionsClass() {
    return LogOptions.class;
  }

  @Override
  public void publish(DataStream<FlowRecord> input, LogOptions options, StageContext ctx) {
    LogSink sink =
        new LogSink(options.stream(), new LogFormatter(options.format(), ctx.stageName()));
    ctx.write(input, sink).name(ctx.stageName()).uid(ctx.uid()).setParallelism(ctx.parallelism());
  }
}

package dev.flow.actions.log;

import dev.flow.actions.log.LogOptions.Stream;
import dev.flow.record.FlowRecord;
import java.io.PrintStream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** A SinkV2 sink that prints each record as one entry on stdout or stderr. */
public final class LogSink implements Sink<FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final Stream stream;
  private final LogFormatter formatter;

  LogSink(Stream stream, LogFormatter formatter) {
    this.stream = stream == null ? Stream.STDOUT : stream;
    this.formatter = formatter;
  }

  @Override
  public SinkWriter<FlowRecord> createWriter(WriterInitContext context) {
    return writer(context.metricGroup());
  }

  /** For Flink 1.x runtimes that still call the old method; removed in Flink 2. */
  @Override
  @Deprecated
  public SinkWriter<FlowRecord> createWriter(InitContext context) {
    return writer(context.metricGroup());
  }

  private SinkWriter<FlowRecord> writer(MetricGroup metrics) {
    PrintStream out = stream == Stream.STDERR ? System.err : System.out;
    return new Writer(out, formatter, metrics.counter("recordsLogged"));
  }

  /** Prints records; one print call per record so lines of parallel writers never interleave. */
  static final class Writer implements SinkWriter<FlowRecord> {
    private final PrintStream out;
    private final LogFormatter formatter;
    private final Counter logged;

    Writer(PrintStream out, LogFormatter formatter, Counter logged) {
      this.out = out;
      this.formatter = formatter;
      this.logged = logged;
    }

    @Override
    public void write(FlowRecord record, Context context) {
      out.println(formatter.format(record));
      logged.inc();
    }

    @Override
    public void flush(boolean endOfInput) {
      out.flush();
    }

    @Override
    public void close() {
      out.flush();
    }
  }
}

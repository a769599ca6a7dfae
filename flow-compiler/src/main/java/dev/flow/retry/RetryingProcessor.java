package dev.flow.retry;

import dev.flow.record.FlowRecord;
import dev.flow.spi.FatalStageException;
import dev.flow.spi.ProcessorContext;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.TransientStageException;
import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.flink.util.Collector;

/**
 * Runs a {@link RecordProcessor} with a stage's {@link Retry}: a record whose processing fails
 * transiently is processed again, from an untouched copy, after a backoff; what a failed try
 * emitted is dropped, so a record's output is that of the one try that succeeded. The last failure
 * is thrown on, and the stage sends the record to the error stage as for any other failure.
 */
public final class RetryingProcessor implements RecordProcessor {
  private static final long serialVersionUID = 1L;

  private final RecordProcessor inner;
  private final Retry retry;
  private transient List<FlowRecord> emitted;
  private transient Collector<FlowRecord> buffer;

  private RetryingProcessor(RecordProcessor inner, Retry retry) {
    this.inner = inner;
    this.retry = retry;
  }

  /**
   * {@code processor} with {@code retry} applied; {@code processor} itself when it never retries.
   */
  public static RecordProcessor wrap(RecordProcessor processor, Retry retry) {
    return retry == null || !retry.retries() ? processor : new RetryingProcessor(processor, retry);
  }

  /** Whether a failure is worth another try: I/O, a timeout, or one its stage marks transient. */
  public static boolean isTransient(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof FatalStageException) {
        return false;
      }
      if (c instanceof TransientStageException
          || c instanceof IOException
          || c instanceof TimeoutException
          || c instanceof SQLTransientException
          || c instanceof SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void open(ProcessorContext ctx) throws Exception {
    emitted = new ArrayList<>();
    buffer =
        new Collector<>() {
          @Override
          public void collect(FlowRecord r) {
            emitted.add(r);
          }

          @Override
          public void close() {}
        };
    inner.open(ctx);
  }

  @Override
  public void process(FlowRecord record, Collector<FlowRecord> out) throws Exception {
    int attempts = retry.attempts();
    for (int attempt = 1; ; attempt++) {
      emitted.clear();
      boolean last = attempt >= attempts;
      try {
        // The processor may change the record; a later try starts again from the record as it came.
        inner.process(last ? record : record.copy(), buffer);
        break;
      } catch (Exception e) {
        if (last || !isTransient(e)) {
          throw e;
        }
        Thread.sleep(retry.waitAfter(attempt).toMillis());
      }
    }
    for (FlowRecord r : emitted) {
      out.collect(r);
    }
    emitted.clear();
  }

  @Override
  public void close() throws Exception {
    inner.close();
  }
}

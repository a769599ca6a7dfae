package dev.flow.retry;

import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorRecordFactory;
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
 * transiently is processed again, from the record as it came in, after a backoff; what a failed try
 * emitted is dropped, so a record's output is that of the one try that succeeded. A record that
 * still fails after the last try fails with the number of tries in its message, and the stage sends
 * it to the error stage as for any other failure; a failure that is not transient is not retried.
 *
 * <p>The record as it came in is a {@link FlowRecord#snapshot}, taken only for a processor that may
 * change its record: for a payload still held as its bytes it keeps the bytes and copies nothing.
 */
public final class RetryingProcessor implements RecordProcessor {
  private static final long serialVersionUID = 1L;

  private final RecordProcessor inner;
  private final Retry retry;
  private final boolean snapshots;
  private transient List<FlowRecord> emitted;
  private transient Collector<FlowRecord> buffer;

  private RetryingProcessor(RecordProcessor inner, Retry retry) {
    this.inner = inner;
    this.retry = retry;
    this.snapshots = inner.changesRecord();
  }

  /**
   * {@code processor} with {@code retry} applied; {@code processor} itself when it never retries,
   * or when it cannot fail transiently, so that no try would ever be repeated.
   */
  public static RecordProcessor wrap(RecordProcessor processor, Retry retry) {
    return retry == null || !retry.retries() || !processor.mayFailTransiently()
        ? processor
        : new RetryingProcessor(processor, retry);
  }

  /**
   * Whether a failure is worth another try: I/O, a timeout, a transient SQL error, or one its stage
   * marks transient. Malformed data read through an I/O interface (JSON that does not parse, bytes
   * that are not UTF-8) is the record's fault, not transient.
   */
  public static boolean isTransient(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof FatalStageException || isBadData(c)) {
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

  private static boolean isBadData(Throwable c) {
    return c instanceof com.fasterxml.jackson.core.JacksonException
        || c instanceof java.nio.charset.CharacterCodingException
        || c instanceof java.io.UTFDataFormatException
        || c instanceof java.io.ObjectStreamException;
  }

  @Override
  public boolean changesRecord() {
    return snapshots;
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
    FlowRecord.Snapshot before = snapshots ? record.snapshot() : null;
    int attempts = retry.tries();
    for (int attempt = 1; ; attempt++) {
      try {
        inner.process(record, buffer);
        break;
      } catch (Exception e) {
        emitted.clear();
        if (!isTransient(e)) {
          throw e;
        }
        if (attempt >= attempts) {
          throw new RetriesExhaustedException(attempts, e);
        }
        pause(retry.waitAfter(attempt).toMillis());
        if (before != null) {
          record.restore(before);
        }
      }
    }
    try {
      for (int i = 0; i < emitted.size(); i++) {
        out.collect(emitted.get(i));
      }
    } finally {
      emitted.clear();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the task is being cancelled
      throw new FatalStageException("interrupted while waiting to try a record again");
    }
  }

  @Override
  public void close() throws Exception {
    inner.close();
  }

  /** The failure of a record's last try, whose message says how many tries it had. */
  static final class RetriesExhaustedException extends Exception {
    private static final long serialVersionUID = 1L;

    RetriesExhaustedException(int attempts, Exception last) {
      super(
          TransientStageException.afterAttempts(ErrorRecordFactory.describe(last), attempts), last);
    }
  }
}

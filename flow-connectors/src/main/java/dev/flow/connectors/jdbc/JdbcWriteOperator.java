package dev.flow.connectors.jdbc;

import dev.flow.connectors.ConnectorException;
import dev.flow.record.FlowRecord;
import dev.flow.spi.ErrorRecordFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records as rows in batches, each batch one transaction, flushed when full, after the batch
 * interval and before every checkpoint barrier (at least once). When a batch fails with an error of
 * the data (a constraint, a bad value), its rows are written one by one and each row that still
 * fails goes to the error stage with the database's message; when the connection fails, the batch
 * is retried with backoff and the job fails with a clear message once the retries are spent. The
 * rows written are passed on, to be counted as the stage's records out.
 */
final class JdbcWriteOperator extends AbstractStreamOperator<FlowRecord>
    implements OneInputStreamOperator<FlowRecord, FlowRecord> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(JdbcWriteOperator.class);

  private final JdbcPublishOptions options;
  private final String sql;
  private final RecordStatementBuilder binder;
  private final String stage;
  private final ErrorRecordFactory errors;
  private final OutputTag<FlowRecord> errorTag;

  private transient List<FlowRecord> batch;
  private transient Connection connection;
  private transient PreparedStatement statement;
  private transient boolean timerSet;

  JdbcWriteOperator(
      JdbcPublishOptions options,
      String sql,
      RecordStatementBuilder binder,
      String stage,
      ErrorRecordFactory errors,
      OutputTag<FlowRecord> errorTag) {
    this.options = options;
    this.sql = sql;
    this.binder = binder;
    this.stage = stage;
    this.errors = errors;
    this.errorTag = errorTag;
  }

  @Override
  public void open() throws Exception {
    super.open();
    batch = new ArrayList<>();
  }

  @Override
  public void processElement(StreamRecord<FlowRecord> element) throws Exception {
    batch.add(element.getValue());
    if (batch.size() >= options.batchSize()) {
      flush();
    } else if (!timerSet) {
      timerSet = true;
      long interval = options.batchInterval() == null ? 1000 : options.batchInterval().toMillis();
      var time = getProcessingTimeService();
      time.registerTimer(
          time.getCurrentProcessingTime() + Math.max(1, interval),
          t -> {
            timerSet = false;
            flush();
          });
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush();
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  private void flush() throws Exception {
    if (batch.isEmpty()) {
      return;
    }
    long wait = 200;
    for (int attempt = 0; ; attempt++) {
      try {
        writeBatch();
        for (FlowRecord r : batch) {
          output.collect(new StreamRecord<>(r));
        }
        batch.clear();
        return;
      } catch (SQLException e) {
        rollbackQuietly();
        if (!LookupProcessor.transientFailure(e)) {
          writeOneByOne();
          batch.clear();
          return;
        }
        closeConnection();
        if (attempt >= options.retries()) {
          throw new ConnectorException(
              "stage \""
                  + stage
                  + "\" (JDBC): cannot write to the database after "
                  + (attempt + 1)
                  + " attempts: "
                  + message(e));
        }
        LOG.warn("stage '{}': write failed ({}), retrying in {} ms", stage, message(e), wait);
        Thread.sleep(wait);
        wait = Math.min(wait * 2, 30_000);
      }
    }
  }

  private void writeBatch() throws SQLException {
    PreparedStatement st = statement();
    for (FlowRecord r : batch) {
      binder.accept(st, r);
      st.addBatch();
    }
    try {
      st.executeBatch();
    } finally {
      st.clearBatch();
    }
    connection.commit();
  }

  /** Writes the rows of a failed batch one by one; a row that fails goes to the error stage. */
  private void writeOneByOne() throws SQLException {
    for (FlowRecord r : batch) {
      statement();
      // A fresh statement per row: a failed row must not leave its parameter types behind.
      try (PreparedStatement st = connection.prepareStatement(sql)) {
        binder.accept(st, r);
        st.executeUpdate();
        connection.commit();
        output.collect(new StreamRecord<>(r));
      } catch (SQLException e) {
        rollbackQuietly();
        if (LookupProcessor.transientFailure(e)) {
          throw e;
        }
        output.collect(errorTag, new StreamRecord<>(errors.create(r, message(e))));
      }
    }
  }

  private PreparedStatement statement() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(options.url(), options.user(), options.password());
      connection.setAutoCommit(false);
      statement = connection.prepareStatement(sql);
    }
    return statement;
  }

  private void rollbackQuietly() {
    try {
      if (connection != null) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      closeConnection();
    }
  }

  private void closeConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // Dropped anyway.
    }
    connection = null;
    statement = null;
  }

  /** The database's message on one line. */
  static String message(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*\\n\\s*", "; ").trim();
  }

  @Override
  public void close() throws Exception {
    closeConnection();
    super.close();
  }
}

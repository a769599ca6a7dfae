package dev.flow.connectors.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flow.connectors.ConnectorException;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.ErrorMarks;
import dev.flow.spi.ErrorRecordFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the database for the reader that holds the split. A poll runs in one {@link #pollNext}
 * call, so every row it emits and the position it advances to land in the same checkpoint. Waits
 * (between polls, before retries) complete the availability future from a timer, never blocking the
 * task. Rows that cannot become JSON are emitted as marked error records.
 */
final class PollReader implements SourceReader<FlowRecord, PollSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(PollReader.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final DatabasePollOptions options;
  private final String stage;
  private final ErrorRecordFactory errors;
  private final PollQuery query;
  private PollSplit split;
  private Connection connection;
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private ScheduledExecutorService timer;
  private int failures;

  PollReader(DatabasePollOptions options, String stage, ErrorRecordFactory errors) {
    this.options = options;
    this.stage = stage;
    this.errors = errors;
    this.query = new PollQuery(options);
  }

  @Override
  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "database-poll-" + stage);
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public InputStatus pollNext(ReaderOutput<FlowRecord> output) throws Exception {
    if (split == null) {
      return InputStatus.NOTHING_AVAILABLE;
    }
    int rows;
    try {
      rows = poll(output);
      failures = 0;
    } catch (SQLException e) {
      closeConnection();
      if (!LookupProcessor.transientFailure(e)) {
        throw new ConnectorException(
            "stage \"" + stage + "\" (Database Poll): the poll query failed: " + e.getMessage());
      }
      if (failures >= options.retries()) {
        throw new ConnectorException(
            "stage \""
                + stage
                + "\" (Database Poll): cannot reach the database after "
                + (failures + 1)
                + " attempts: "
                + e.getMessage());
      }
      Duration wait = backoff(failures++);
      LOG.warn(
          "stage '{}': poll failed ({}), attempt {} of {}, retrying in {} ms",
          stage,
          e.getMessage(),
          failures,
          options.retries() + 1,
          wait.toMillis());
      wakeAfter(wait);
      return InputStatus.NOTHING_AVAILABLE;
    }
    if (query.paged() && rows >= options.batchSize()) {
      return InputStatus.MORE_AVAILABLE;
    }
    wakeAfter(options.interval() == null ? Duration.ofSeconds(5) : options.interval());
    return InputStatus.NOTHING_AVAILABLE;
  }

  /** One query: emits its rows and advances the split past each; returns how many it read. */
  private int poll(ReaderOutput<FlowRecord> output) throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(options.url(), options.user(), options.password());
      // Without autocommit the PostgreSQL driver streams a result by the fetch size.
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
    }
    int rows = 0;
    try (PreparedStatement st = connection.prepareStatement(query.sql(split))) {
      st.setFetchSize(Math.max(1, options.batchSize()));
      if (options.timeout() != null) {
        st.setQueryTimeout((int) Math.max(1, options.timeout().toSeconds()));
      }
      query.bind(st, split);
      try (ResultSet rs = st.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        int pos = rs.findColumn(options.positionColumn());
        int key = options.keyColumn() == null ? 0 : rs.findColumn(options.keyColumn());
        while (rs.next()) {
          rows++;
          output.collect(toRecord(rs, md, rs.getString(pos)));
          split =
              new PollSplit(
                  rs.getString(pos),
                  md.getColumnType(pos),
                  key == 0 ? null : rs.getString(key),
                  key == 0 ? java.sql.Types.OTHER : md.getColumnType(key));
        }
      }
    } finally {
      connection.rollback();
    }
    return rows;
  }

  /** The row as a record, or, when a column cannot be converted, a marked error record. */
  private FlowRecord toRecord(ResultSet rs, ResultSetMetaData md, String position)
      throws SQLException {
    ObjectNode row = Json.NODES.objectNode();
    String failure = null;
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String name = md.getColumnLabel(i);
      try {
        row.set(name, SqlValues.column(rs, i, md));
      } catch (SQLException | RuntimeException e) {
        if (e instanceof SQLException s && LookupProcessor.transientFailure(s)) {
          throw s;
        }
        failure = failure == null ? "column '" + name + "': " + e.getMessage() : failure;
        row.put(name, rs.getString(i));
      }
    }
    FlowRecord r = FlowRecord.of(row);
    // where the row came from, for error records: the table (or the query) and its position
    r.metaForWrite()
        .put("table", options.table() != null ? options.table() : "(query)")
        .put("position", position);
    if (failure == null) {
      return r;
    }
    FlowRecord error = errors.create(r, failure);
    ErrorMarks.mark(error);
    return error;
  }

  private Duration backoff(int attempt) {
    Duration first = options.backoff() == null ? Duration.ofSeconds(1) : options.backoff();
    Duration d = first.multipliedBy(1L << Math.min(attempt, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private void wakeAfter(Duration d) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    available = f;
    timer.schedule(() -> f.complete(null), d.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public List<PollSplit> snapshotState(long checkpointId) {
    return split == null ? List.of() : List.of(split);
  }

  @Override
  public void addSplits(List<PollSplit> splits) {
    if (!splits.isEmpty()) {
      split = splits.get(0);
      available.complete(null);
    }
  }

  @Override
  public void notifyNoMoreSplits() {}

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The connection is being dropped anyway.
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closeConnection();
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}

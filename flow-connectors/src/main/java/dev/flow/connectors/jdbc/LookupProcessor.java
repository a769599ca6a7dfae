package dev.flow.connectors.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flow.connectors.ConnectorException;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.Json;
import dev.flow.spi.ProcessorContext;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.Responder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Runs the {@code Lookup} query for each record on a pooled connection, answers repeated parameters
 * from a TTL cache, and writes the rows into the record. Connection failures are retried with
 * backoff and fail the job once the retries are spent; a query that fails for the record's values
 * (a bad cast, a constraint) sends the record to the error stage with the database's message. With
 * a {@link Responder} (a test's mock), the responder returns the rows and no database is used.
 */
final class LookupProcessor implements RecordProcessor {
  private static final long serialVersionUID = 1L;

  private final LookupOptions options;
  private final NamedQuery query;
  private final FieldPath target;
  private final Responder responder;

  private transient String stageName;
  private transient HikariDataSource pool;
  private transient Cache<List<Object>, ArrayNode> cache;
  private transient Counter retries;
  private transient Counter cacheHits;

  LookupProcessor(LookupOptions options, NamedQuery query, Responder responder) {
    this.options = options;
    this.responder = responder;
    this.query = query;
    this.target = options.target() == null ? FieldPath.of("lookup") : options.target();
  }

  @Override
  public void open(ProcessorContext ctx) {
    stageName = ctx.stageName();
    retries = ctx.metrics().counter("retries");
    cacheHits = ctx.metrics().counter("cacheHits");
    if (responder != null) {
      return;
    }
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(options.url());
    c.setUsername(options.user());
    c.setPassword(options.password());
    c.setMaximumPoolSize(Math.max(1, options.poolSize()));
    c.setMinimumIdle(1);
    c.setReadOnly(true);
    c.setPoolName("lookup-" + ctx.stageName() + "-" + ctx.subtaskIndex());
    c.setInitializationFailTimeout(-1);
    if (options.timeout() != null) {
      c.setConnectionTimeout(Math.max(250, options.timeout().toMillis()));
    }
    pool = new HikariDataSource(c);
    if (options.cacheTtl() != null && !options.cacheTtl().isZero()) {
      cache =
          Caffeine.newBuilder()
              .expireAfterWrite(options.cacheTtl())
              .maximumSize(options.cacheSize())
              .build();
    }
  }

  @Override
  public void process(FlowRecord record, Collector<FlowRecord> out) throws Exception {
    List<Object> params = new ArrayList<>(query.params().size());
    for (FieldPath p : query.params()) {
      params.add(value(record.get(p)));
    }
    ArrayNode rows = cache == null ? null : cache.getIfPresent(params);
    if (responder != null) {
      rows = rows(responder.respond(record));
    } else if (rows != null) {
      cacheHits.inc();
    } else {
      rows = queryWithRetries(params);
      if (cache != null) {
        cache.put(params, rows);
      }
    }
    if (rows.isEmpty()) {
      switch (options.onNoRow()) {
        case DROP -> {
          return;
        }
        case ERROR -> throw new IllegalStateException("no row found for " + describe(params));
        default -> {
          out.collect(record);
          return;
        }
      }
    }
    JsonNode value =
        options.rows() == LookupOptions.Rows.ALL ? rows.deepCopy() : rows.get(0).deepCopy();
    record.set(target, value);
    out.collect(record);
  }

  private ArrayNode queryWithRetries(List<Object> params) throws Exception {
    long wait = options.backoff() == null ? 200 : options.backoff().toMillis();
    for (int attempt = 0; ; attempt++) {
      try {
        return run(params);
      } catch (SQLException e) {
        if (!transientFailure(e)) {
          throw new SQLException("lookup failed: " + e.getMessage(), e.getSQLState(), e);
        }
        if (attempt >= options.retries()) {
          throw new ConnectorException(
              "stage \""
                  + stageName
                  + "\" (Lookup): cannot reach the database after "
                  + (attempt + 1)
                  + " attempts: "
                  + e.getMessage());
        }
        retries.inc();
        Thread.sleep(wait);
        wait *= 2;
      }
    }
  }

  private ArrayNode run(List<Object> params) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement st = c.prepareStatement(query.sql())) {
      if (options.timeout() != null) {
        st.setQueryTimeout((int) Math.max(1, options.timeout().toSeconds()));
      }
      for (int i = 0; i < params.size(); i++) {
        st.setObject(i + 1, params.get(i));
      }
      if (options.rows() == LookupOptions.Rows.FIRST) {
        st.setMaxRows(1);
      }
      ArrayNode rows = Json.NODES.arrayNode();
      try (ResultSet rs = st.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          ObjectNode row = rows.addObject();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.set(md.getColumnLabel(i), SqlValues.column(rs, i, md));
          }
        }
      }
      return rows;
    }
  }

  /** A responder's answer as rows: null is no row, an object one row, an array the rows. */
  private static ArrayNode rows(JsonNode answer) {
    ArrayNode rows = Json.NODES.arrayNode();
    if (answer instanceof ArrayNode a) {
      rows.addAll(a);
    } else if (answer != null && !answer.isNull()) {
      rows.add(answer);
    }
    return rows;
  }

  /** Connection trouble (SQLState class 08), timeouts and other transient errors. */
  static boolean transientFailure(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException
        || (state != null && (state.startsWith("08") || state.equals("57P01")));
  }

  private static Object value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.asLong() : v.bigIntegerValue();
    }
    if (v.isNumber()) {
      return new BigDecimal(v.asText());
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    return v.toString();
  }

  private String describe(List<Object> params) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      parts.add(query.params().get(i) + "=" + params.get(i));
    }
    return String.join(", ", parts);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}

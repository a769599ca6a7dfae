package dev.flow.connectors.jdbc;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The SQL of one poll: the rows after a position (and key), oldest first, optionally only those
 * older than now minus a delay, in pages when there is a key column.
 */
final class PollQuery implements Serializable {
  private static final long serialVersionUID = 1L;

  private final DatabasePollOptions options;
  private final boolean postgres;

  PollQuery(DatabasePollOptions options) {
    this.options = options;
    this.postgres = options.url().startsWith("jdbc:postgresql:");
  }

  /** True when polls read pages of {@code batchSize} rows (there is a key column). */
  boolean paged() {
    return options.keyColumn() != null;
  }

  boolean delayed() {
    return options.delay() != null && !options.delay().isZero();
  }

  /** The statement for a poll after {@code from}. */
  String sql(PollSplit from) {
    String pos = options.positionColumn();
    String key = options.keyColumn();
    StringBuilder sql = new StringBuilder("select * from ");
    if (options.table() != null) {
      sql.append(options.table());
    } else {
      sql.append('(').append(options.query()).append(") flow_poll");
    }
    sql.append(" where ").append(pos).append(" is not null");
    if (from.position() != null) {
      if (key != null && from.key() != null) {
        sql.append(" and (").append(pos).append(" > ? or (").append(pos).append(" = ? and ");
        sql.append(key).append(" > ?))");
      } else {
        sql.append(" and ").append(pos).append(" > ?");
      }
    }
    if (delayed()) {
      sql.append(" and ").append(pos).append(" <= ?");
    }
    sql.append(" order by ").append(pos);
    if (key != null) {
      sql.append(", ").append(key);
    }
    if (paged()) {
      sql.append(" limit ").append(Math.max(1, options.batchSize()));
    }
    return sql.toString();
  }

  /** Sets the parameters of {@link #sql}. */
  void bind(PreparedStatement st, PollSplit from) throws SQLException {
    int i = 1;
    if (from.position() != null) {
      bind(st, i++, from.position(), from.positionType());
      if (options.keyColumn() != null && from.key() != null) {
        bind(st, i++, from.position(), from.positionType());
        bind(st, i++, from.key(), from.keyType());
      }
    }
    if (delayed()) {
      st.setObject(i, OffsetDateTime.now(ZoneOffset.UTC).minus(options.delay()));
    }
  }

  private void bind(PreparedStatement st, int i, String value, int type) throws SQLException {
    switch (type) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
          st.setLong(i, Long.parseLong(value));
      case Types.NUMERIC, Types.DECIMAL -> st.setBigDecimal(i, new BigDecimal(value));
      default -> {
        if (postgres) {
          // Untyped: the server reads the text as the column's type (timestamps, text, uuid).
          st.setObject(i, value, Types.OTHER);
        } else {
          st.setString(i, value);
        }
      }
    }
  }
}

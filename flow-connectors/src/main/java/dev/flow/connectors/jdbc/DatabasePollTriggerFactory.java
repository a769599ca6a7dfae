package dev.flow.connectors.jdbc;

import dev.flow.record.FlowRecord;
import dev.flow.spi.IoContext;
import dev.flow.spi.Resource;
import dev.flow.spi.StageState;
import dev.flow.spi.TriggerContext;
import dev.flow.spi.TriggerFactory;
import dev.flow.spi.ValidationContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * {@code Database Poll}: starts one run per new or changed row of a table or query, found by an
 * increasing position column that is checkpointed, so that across restarts each row starts exactly
 * one run.
 */
public final class DatabasePollTriggerFactory implements TriggerFactory<DatabasePollOptions> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TABLE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  @Override
  public String name() {
    return "Database Poll";
  }

  @Override
  public List<String> aliases() {
    return List.of("JDBC Poll", "Database Changes");
  }

  @Override
  public List<String> retryProps() {
    return List.of("retries", "backoff");
  }

  @Override
  public String description() {
    return "Queries a table at an interval for rows after the last position (a serial id or an"
        + " updated-at timestamp, with a key column to break ties) and starts one run per row;"
        + " the position is checkpointed, so no row is skipped or repeated across restarts.";
  }

  @Override
  public Class<DatabasePollOptions> optionsClass() {
    return DatabasePollOptions.class;
  }

  @Override
  public void validate(DatabasePollOptions o, ValidationContext ctx) {
    if (o.url() != null && !o.url().startsWith("jdbc:")) {
      ctx.error("url", "a JDBC URL starts with 'jdbc:', e.g. jdbc:postgresql://host:5432/db");
    }
    if ((o.table() == null) == (o.query() == null)) {
      ctx.error(
          o.table() == null ? null : "query",
          "give either a table or a query, e.g. table: signups");
    }
    if (o.table() != null && !TABLE.matcher(o.table()).matches()) {
      ctx.error("table", "'" + o.table() + "' is not a plain table name (letters, digits, _)");
    }
    if (o.query() != null
        && !o.query().trim().toLowerCase(java.util.Locale.ROOT).startsWith("select")
        && !o.query().trim().toLowerCase(java.util.Locale.ROOT).startsWith("with")) {
      ctx.error("query", "the query must be a select; it is read as a subquery");
    }
    if (o.positionColumn() != null && !NAME.matcher(o.positionColumn()).matches()) {
      ctx.error("positionColumn", "'" + o.positionColumn() + "' is not a plain column name");
    }
    if (o.keyColumn() != null && !NAME.matcher(o.keyColumn()).matches()) {
      ctx.error("keyColumn", "'" + o.keyColumn() + "' is not a plain column name");
    }
    if (o.keyColumn() != null && o.keyColumn().equals(o.positionColumn())) {
      ctx.error("keyColumn", "the key column must differ from the position column");
    }
  }

  @Override
  public Optional<StageState> state(DatabasePollOptions o) {
    return Optional.of(
        StageState.of("the position (and key) of the last row read")
            .shape("positionColumn", o.positionColumn())
            .shape("keyColumn", o.keyColumn())
            .setting("table", o.table())
            .setting("query", o.query()));
  }

  @Override
  public boolean isBounded(DatabasePollOptions options) {
    return false;
  }

  @Override
  public DataStream<FlowRecord> create(DatabasePollOptions o, TriggerContext ctx) {
    DataStream<FlowRecord> rows =
        ctx.fromSource(new PollSource(o, ctx.stageName(), ctx.errorRecords()));
    return ctx.routeMarkedErrors(rows, "errors");
  }

  /** A select from one table, without joins: its table is the one the poll reads. */
  private static final java.util.regex.Pattern FROM_TABLE =
      java.util.regex.Pattern.compile(
          "(?is)select\\s.+?\\sfrom\\s+([A-Za-z_][\\w.]*)(\\s+(as\\s+)?[A-Za-z_]\\w*)?"
              + "(\\s+(where|order|limit)\\b.*)?");

  /** Reads its table, or the one table its query selects from, in its database. */
  @Override
  public List<Resource> io(DatabasePollOptions o, IoContext ctx) {
    String table = o.table();
    if (table == null && o.query() != null) {
      java.util.regex.Matcher m = FROM_TABLE.matcher(o.query().trim());
      if (m.matches() && !o.query().toLowerCase(java.util.Locale.ROOT).contains(" join ")) {
        table = m.group(1);
      }
    }
    if (table == null || o.url() == null) {
      return List.of();
    }
    return List.of(
        Resource.reads(
            "jdbc-table",
            JdbcPublisherFactory.database(o.url()),
            JdbcPublisherFactory.table(table)));
  }
}

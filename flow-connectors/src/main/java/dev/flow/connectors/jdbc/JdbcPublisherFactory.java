package dev.flow.connectors.jdbc;

import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import dev.flow.record.FlowRecordTypeInfo;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.IoContext;
import dev.flow.spi.PublisherFactory;
import dev.flow.spi.Resource;
import dev.flow.spi.StageContext;
import dev.flow.spi.StageState;
import dev.flow.spi.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * {@code JDBC}: inserts or upserts records as rows, in batches flushed before every checkpoint (at
 * least once; with keys the upsert makes a replay harmless). Records missing a key field, and rows
 * the database refuses, go to the error stage; a lost connection is retried, then fails the job.
 */
public final class JdbcPublisherFactory implements PublisherFactory<JdbcPublishOptions> {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  @Override
  public String name() {
    return "JDBC";
  }

  @Override
  public List<String> aliases() {
    return List.of("Database", "Write to Database");
  }

  @Override
  public List<String> retryProps() {
    return List.of("retries");
  }

  @Override
  public String description() {
    return "Writes records as rows of a table, batched, at least once through checkpoints; with"
        + " key columns each row is an idempotent upsert. A row the database refuses goes to the"
        + " error stage with its message; a lost connection is retried, then fails the job.";
  }

  @Override
  public Class<JdbcPublishOptions> optionsClass() {
    return JdbcPublishOptions.class;
  }

  @Override
  public Optional<StageState> state(JdbcPublishOptions o) {
    return Optional.of(
        StageState.of("the writer's checkpointed state").setting("table", o.table()));
  }

  @Override
  public void validate(JdbcPublishOptions o, ValidationContext ctx) {
    if (o.url() != null && !o.url().startsWith("jdbc:")) {
      ctx.error("url", "a JDBC URL starts with 'jdbc:', e.g. jdbc:postgresql://host:5432/db");
    }
    if (o.table() != null && !NAME.matcher(o.table()).matches()) {
      ctx.error("table", "'" + o.table() + "' is not a plain table name (letters, digits, _)");
    }
    if (o.columns() != null) {
      if (o.columns().isEmpty()) {
        ctx.error("columns", "give at least one column");
      }
      for (String column : o.columns().keySet()) {
        if (!NAME.matcher(column).matches() || column.contains(".")) {
          ctx.error("columns", "'" + column + "' is not a plain column name");
        }
      }
    }
    if (o.keys() != null && !o.keys().isEmpty()) {
      for (String k : o.keys()) {
        if (o.columns() != null && !o.columns().containsKey(k)) {
          ctx.error("keys", "key '" + k + "' is not one of the columns " + o.columns().keySet());
        }
      }
      if (o.url() != null && !o.url().startsWith("jdbc:postgresql:")) {
        ctx.error("keys", "upserts (keys) are supported on PostgreSQL; remove keys to insert");
      }
    }
  }

  /** The INSERT (or upsert) statement for these options. */
  static String statement(JdbcPublishOptions o) {
    List<String> cols = new ArrayList<>(o.columns().keySet());
    StringBuilder sql = new StringBuilder("insert into ").append(o.table()).append(" (");
    sql.append(String.join(", ", cols)).append(") values (");
    sql.append(String.join(", ", cols.stream().map(c -> "?").toList())).append(')');
    if (o.keys() != null && !o.keys().isEmpty()) {
      sql.append(" on conflict (").append(String.join(", ", o.keys())).append(')');
      List<String> rest = cols.stream().filter(c -> !o.keys().contains(c)).toList();
      if (rest.isEmpty()) {
        sql.append(" do nothing");
      } else {
        sql.append(" do update set ");
        sql.append(String.join(", ", rest.stream().map(c -> c + " = excluded." + c).toList()));
      }
    }
    return sql.toString();
  }

  @Override
  public void publish(DataStream<FlowRecord> input, JdbcPublishOptions o, StageContext ctx) {
    List<FieldPath> fields = List.copyOf(o.columns().values());
    List<FieldPath> keyFields = new ArrayList<>();
    if (o.keys() != null) {
      for (String k : o.keys()) {
        keyFields.add(o.columns().get(k));
      }
    }
    SingleOutputStreamOperator<FlowRecord> checked =
        input
            .process(new KeyColumnsCheck(keyFields, ctx.errorRecords(), ctx.errorTag()))
            .returns(FlowRecordTypeInfo.INSTANCE)
            .uid(ctx.uid("keys"))
            .name(ctx.stageName() + " (keys)")
            .setParallelism(ctx.parallelism());
    ctx.addErrors(checked.getSideOutput(ctx.errorTag()));
    SingleOutputStreamOperator<FlowRecord> written =
        checked
            .transform(
                ctx.stageName(),
                FlowRecordTypeInfo.INSTANCE,
                new JdbcWriteOperator(
                    o,
                    statement(o),
                    new RecordStatementBuilder(fields, o.url().startsWith("jdbc:postgresql:")),
                    ctx.stageName(),
                    ctx.errorRecords(),
                    ctx.errorTag()))
            .uid(ctx.uid())
            .setParallelism(ctx.parallelism());
    ctx.addErrors(written.getSideOutput(ctx.errorTag()));
    ctx.write(written, new DiscardingSink<>())
        .uid(ctx.uid("end"))
        .name(ctx.stageName() + " (end)")
        .setParallelism(ctx.parallelism());
  }

  /** Writes its table, in its database. */
  @Override
  public List<Resource> io(JdbcPublishOptions o, IoContext ctx) {
    if (o.url() == null || o.table() == null) {
      return List.of();
    }
    return List.of(Resource.writes("jdbc-table", database(o.url()), table(o.table())));
  }

  /** Writes a row of its columns: each column holds the field it names. */
  @Override
  public FieldEffects fields(JdbcPublishOptions o) {
    if (o.columns() == null) {
      return FieldEffects.UNKNOWN;
    }
    Map<String, String> moves = new LinkedHashMap<>();
    o.columns().forEach((column, field) -> moves.put(field.toString(), column));
    return FieldEffects.of(
        new FieldEffects.Keep(o.columns().values().stream().map(FieldPath::toString).toList()),
        new FieldEffects.Rename(moves));
  }

  /** A JDBC URL without its parameters (which may hold a password), to name the database. */
  static String database(String url) {
    int q = url.indexOf('?');
    String u = q >= 0 ? url.substring(0, q) : url;
    int semi = u.indexOf(';');
    return semi >= 0 ? u.substring(0, semi) : u;
  }

  /** A table name as the database sees it: unquoted names are case-insensitive. */
  static String table(String name) {
    String t = name.trim();
    return t.startsWith("\"") ? t.replace("\"", "") : t.toLowerCase(java.util.Locale.ROOT);
  }
}

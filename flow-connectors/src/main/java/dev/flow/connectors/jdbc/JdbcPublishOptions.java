package dev.flow.connectors.jdbc;

import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Props of the {@code JDBC} publisher. */
public record JdbcPublishOptions(
    @Prop(description = "The JDBC URL of the database.", required = true) String url,
    @Prop(description = "The database user.") String user,
    @Prop(description = "The database password.", secret = true) String password,
    @Prop(description = "The table written to.", required = true) String table,
    @Prop(
            description = "Columns to write: a column name → the record field (a dotted path).",
            required = true,
            example = "{id: id, email: customer.email}")
        Map<String, FieldPath> columns,
    @Prop(
            description =
                "Key columns: with keys a row whose keys exist is updated (an idempotent upsert,"
                    + " PostgreSQL); without, rows are inserted.")
        List<String> keys,
    @Prop(description = "Rows per batch.", defaultValue = "500", min = "1") int batchSize,
    @Prop(description = "The longest a row waits for its batch.", defaultValue = "1s")
        Duration batchInterval,
    @Prop(
            description = "Attempts after the first when a batch fails.",
            defaultValue = "3",
            min = "0")
        int retries)
    implements Serializable {}

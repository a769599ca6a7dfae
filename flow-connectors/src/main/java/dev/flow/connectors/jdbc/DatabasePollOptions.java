package dev.flow.connectors.jdbc;

import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;

/** Props of the {@code Database Poll} trigger. */
public record DatabasePollOptions(
    @Prop(
            description = "The JDBC URL of the database.",
            required = true,
            example = "jdbc:postgresql://localhost:5432/shop")
        String url,
    @Prop(description = "The database user.") String user,
    @Prop(description = "The database password.", secret = true) String password,
    @Prop(description = "The table polled; give table or query.") String table,
    @Prop(
            description =
                "A select whose rows are polled, instead of a table; it is read as a subquery, so"
                    + " the position filter, order and page size are added around it.",
            example = "select id, email, updated_at from signups where email is not null")
        String query,
    @Prop(
            description =
                "The increasing column whose value is the checkpointed position: a serial id or"
                    + " an updated-at timestamp. Rows after the position start runs.",
            required = true)
        String positionColumn,
    @Prop(
            description =
                "A unique column that orders rows with equal positions, so that none is skipped or"
                    + " read twice; needed when positions repeat (timestamps) on large tables.")
        String keyColumn,
    @Prop(
            description =
                "Only rows after this position are read on the first start, e.g. 1000 or"
                    + " 2024-01-01T00:00:00Z; unset: every row.")
        String initialPosition,
    @Prop(
            description = "The wait between polls once every new row is read.",
            defaultValue = "5s",
            min = "1ms")
        Duration interval,
    @Prop(
            description =
                "Only rows whose position is older than now minus this are read (timestamp"
                    + " positions), so rows of transactions that commit late are not skipped;"
                    + " set it above the longest write transaction.",
            defaultValue = "0s")
        Duration delay,
    @Prop(
            description = "Rows per page with a keyColumn, and rows fetched per round trip.",
            defaultValue = "1000",
            min = "1")
        int batchSize,
    @Prop(description = "The time one query may take.", defaultValue = "30s") Duration timeout,
    @Prop(
            description = "Attempts after the first when the database cannot be reached.",
            defaultValue = "5",
            min = "0")
        int retries,
    @Prop(
            description = "The wait before the first retry; it doubles each time, up to 1m.",
            defaultValue = "1s",
            min = "1ms")
        Duration backoff)
    implements Serializable {}

package dev.flow.connectors.jdbc;

import dev.flow.record.FieldPath;
import dev.flow.spi.Prop;
import java.io.Serializable;
import java.time.Duration;

/** Props of the {@code Lookup} transform. */
public record LookupOptions(
    @Prop(
            description = "The JDBC URL of the database.",
            required = true,
            example = "jdbc:postgresql://localhost:5432/shop")
        String url,
    @Prop(description = "The database user.") String user,
    @Prop(description = "The database password.", secret = true) String password,
    @Prop(
            description =
                "The query; :name parameters take the record field of that name (dotted paths"
                    + " allowed).",
            required = true,
            example = "select id, tier from customers where domain = :domain")
        String query,
    @Prop(description = "The field the rows are written to.", defaultValue = "lookup")
        FieldPath target,
    @Prop(
            description = "first: the first row as an object; all: every row as an array.",
            defaultValue = "first")
        Rows rows,
    @Prop(
            description =
                "When no row is found: pass (the record unchanged), drop, or error (to the error"
                    + " stage).",
            defaultValue = "pass")
        NoRow onNoRow,
    @Prop(
            description = "How long a result is reused for the same parameters; 0s: no cache.",
            defaultValue = "0s")
        Duration cacheTtl,
    @Prop(description = "The most results the cache holds.", defaultValue = "10000", min = "1")
        int cacheSize,
    @Prop(description = "Connections per parallel instance.", defaultValue = "2", min = "1")
        int poolSize,
    @Prop(description = "The time one query may take.", defaultValue = "5s") Duration timeout,
    @Prop(
            description = "Attempts after the first when the connection fails.",
            defaultValue = "3",
            min = "0")
        int retries,
    @Prop(
            description = "The wait before the first retry; it doubles each time.",
            defaultValue = "200ms")
        Duration backoff)
    implements Serializable {

  /** How many rows are kept. */
  public enum Rows {
    FIRST,
    ALL
  }

  /** What happens to a record no row matches. */
  public enum NoRow {
    PASS,
    DROP,
    ERROR
  }
}

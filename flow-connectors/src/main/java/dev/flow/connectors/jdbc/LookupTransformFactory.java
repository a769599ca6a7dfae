package dev.flow.connectors.jdbc;

import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.MockableTransform;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.Responder;
import dev.flow.spi.StageContext;
import dev.flow.spi.ValidationContext;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/** {@code Lookup}: enriches each record with rows of a JDBC query whose parameters are fields. */
public final class LookupTransformFactory extends RecordTransformFactory<LookupOptions>
    implements MockableTransform<LookupOptions> {

  @Override
  public String name() {
    return "Lookup";
  }

  @Override
  public List<String> aliases() {
    return List.of("Database Lookup", "JDBC Lookup");
  }

  @Override
  public List<String> retryProps() {
    return List.of("retries", "backoff");
  }

  @Override
  public String description() {
    return "Runs a SQL query per record, with :name parameters taken from the record's fields, and"
        + " writes the first row (or all rows) into the record; pooled connections and a TTL cache.";
  }

  @Override
  public Class<LookupOptions> optionsClass() {
    return LookupOptions.class;
  }

  @Override
  public void validate(LookupOptions o, ValidationContext ctx) {
    if (o.url() != null && !o.url().startsWith("jdbc:")) {
      ctx.error("url", "a JDBC URL starts with 'jdbc:', e.g. jdbc:postgresql://host:5432/db");
    }
    if (o.query() != null) {
      try {
        NamedQuery.parse(o.query());
      } catch (IllegalArgumentException e) {
        ctx.error("query", e.getMessage());
      }
    }
  }

  @Override
  public RecordProcessor createProcessor(LookupOptions o, StageContext ctx) {
    return new LookupProcessor(o, NamedQuery.parse(o.query()), null);
  }

  /** The same operator as {@link #apply}, with {@code responder} returning the rows. */
  @Override
  public DataStream<FlowRecord> applyWithResponder(
      DataStream<FlowRecord> input, LookupOptions o, StageContext ctx, Responder responder) {
    return ctx.process(input, new LookupProcessor(o, NamedQuery.parse(o.query()), responder));
  }

  /** Sets the target field; when a record without a row passes, the field may stay unset. */
  @Override
  public FieldEffects fields(LookupOptions o) {
    if (o.target() == null) {
      return FieldEffects.UNKNOWN;
    }
    return FieldEffects.of(
        o.onNoRow() == LookupOptions.NoRow.PASS
            ? new FieldEffects.Changed(o.target().toString())
            : new FieldEffects.Set(o.target().toString(), null));
  }
}

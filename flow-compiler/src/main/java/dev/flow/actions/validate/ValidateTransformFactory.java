package dev.flow.actions.validate;

import dev.flow.jsonschema.CompiledSchema;
import dev.flow.jsonschema.SchemaFields;
import dev.flow.jsonschema.SchemaRef;
import dev.flow.record.FlowRecord;
import dev.flow.spi.FieldEffects;
import dev.flow.spi.RecordProcessor;
import dev.flow.spi.RecordTransformFactory;
import dev.flow.spi.StageContext;
import dev.flow.spi.ValidationContext;
import java.util.List;
import org.apache.flink.util.Collector;

/** {@code Validate}: passes records that match a JSON Schema and sends the others to errors. */
public final class ValidateTransformFactory extends RecordTransformFactory<ValidateOptions> {

  @Override
  public String name() {
    return "Validate";
  }

  @Override
  public List<String> aliases() {
    return List.of("Validate Schema");
  }

  @Override
  public String description() {
    return "Checks each record against a JSON Schema (inline, a file, or a manifest entry); records"
        + " that do not match go to the error stage with every violation in the error message.";
  }

  @Override
  public Class<ValidateOptions> optionsClass() {
    return ValidateOptions.class;
  }

  static SchemaRef ref(ValidateOptions o) {
    return new SchemaRef(o.schema(), o.file(), o.manifest(), o.entry());
  }

  @Override
  public void validate(ValidateOptions o, ValidationContext ctx) {
    String problem = ref(o).problem();
    if (problem != null) {
      ctx.error(null, problem);
      return;
    }
    String prop = o.schema() != null ? "schema" : o.file() != null ? "file" : "manifest";
    try {
      CompiledSchema.load(ref(o));
    } catch (CompiledSchema.InvalidSchemaException e) {
      for (CompiledSchema.MetaError m : e.errors()) {
        // an inline schema is located at the keyword that breaks the rules
        String at = o.schema() != null && !m.path().isEmpty() ? "schema." + m.dotted() : prop;
        String what =
            o.schema() != null ? "prop 'schema'" : e.getMessage().split(" is not a valid")[0];
        ctx.error(at, what + " is not a valid JSON Schema: " + m);
      }
    } catch (IllegalArgumentException e) {
      ctx.error(prop, e.getMessage());
    }
  }

  @Override
  public RecordProcessor createProcessor(ValidateOptions o, StageContext ctx) {
    return new SchemaCheck(CompiledSchema.load(ref(o)));
  }

  /** Emits matching records and throws the violations for the others. */
  static final class SchemaCheck implements RecordProcessor {
    private static final long serialVersionUID = 1L;
    private final CompiledSchema schema;

    SchemaCheck(CompiledSchema schema) {
      this.schema = schema;
    }

    /** Reads the record only: a retry needs no copy of it. */
    @Override
    public boolean changesRecord() {
      return false;
    }

    /** Computes on the record in memory only: no try could fail transiently. */
    @Override
    public boolean mayFailTransiently() {
      return false;
    }

    @Override
    public void process(FlowRecord record, Collector<FlowRecord> out) {
      List<String> violations = schema.check(record.asObjectNode());
      if (!violations.isEmpty()) {
        throw new IllegalArgumentException(
            "record does not match the schema: " + String.join("; ", violations));
      }
      out.collect(record);
    }
  }

  /** Records that pass have every field the schema requires (the others go to the error stage). */
  @Override
  public FieldEffects fields(ValidateOptions o) {
    try {
      var ref = new SchemaRef(o.schema(), o.file(), o.manifest(), o.entry());
      java.util.List<FieldEffects.Step> steps = new java.util.ArrayList<>();
      SchemaFields.required(CompiledSchema.node(ref))
          .forEach((p, t) -> steps.add(new FieldEffects.Set(p, t)));
      return new FieldEffects(steps);
    } catch (IllegalArgumentException e) {
      return FieldEffects.UNCHANGED;
    }
  }
}

package dev.flow.validate;

import dev.flow.jsonschema.CompiledSchema;
import dev.flow.jsonschema.ExpectedInput;
import dev.flow.retry.Retry;
import dev.flow.spi.Prop;
import dev.flow.spi.ValidationContext;

/**
 * Props that every stage accepts besides its action's own. To add one, add a component here (with
 * {@link Prop}) and, when it needs a rule beyond its type, a check in {@link #check}; the binder,
 * the reference docs and the editor schema pick it up from the declaration.
 *
 * @param parallelism the stage's own parallelism
 * @param expectedInput the JSON Schema the stage's input should match, and what a mismatch does
 * @param retry how often a record whose processing fails transiently is tried again
 */
public record CommonProps(
    @Prop(
            min = "1",
            description =
                "How many parallel instances run this stage; settings.parallelism when absent.")
        Integer parallelism,
    @Prop(
            description =
                "The JSON Schema input records should match (schema, file, or manifest and entry),"
                    + " and onMismatch: warn or reject.")
        ExpectedInput expectedInput,
    @Prop(
            description =
                "Processes a record again after a transient failure (I/O, a timeout), with"
                    + " backoff; a record that still fails goes to the error stage. On by default,"
                    + " for transforms that process one record at a time and do not retry by"
                    + " props of their own.")
        Retry retry) {

  /** The props with nothing set. */
  public static CommonProps none() {
    return new CommonProps(null, null, null);
  }

  /** The expected input when one is written, else null. */
  public ExpectedInput expected() {
    return expectedInput != null && expectedInput.isSet() ? expectedInput : null;
  }

  /** Rules beyond the types and limits: the expected input's schema is a valid JSON Schema. */
  void check(ValidationContext ctx) {
    if (expectedInput != null && (expectedInput.isSet() || ctx.isSet("expectedInput"))) {
      try {
        CompiledSchema.load(expectedInput.ref());
      } catch (CompiledSchema.InvalidSchemaException e) {
        for (CompiledSchema.MetaError m : e.errors()) {
          String at =
              expectedInput.schema() != null && !m.path().isEmpty()
                  ? "expectedInput.schema." + m.dotted()
                  : "expectedInput";
          String what =
              expectedInput.schema() != null
                  ? "prop 'expectedInput.schema'"
                  : "prop 'expectedInput': " + e.getMessage().split(" is not a valid")[0];
          ctx.error(at, what + " is not a valid JSON Schema: " + m);
        }
      } catch (IllegalArgumentException e) {
        ctx.error("expectedInput", "prop 'expectedInput': " + e.getMessage());
      }
    }
  }
}

package dev.flow.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one prop of an action, on a component of the action's options record. The declaration is
 * the single source of the prop's name, type, default and description: validation, the reference
 * docs and the editor JSON Schema all come from it.
 *
 * <p>The prop's name is the record component's name unless {@link #name()} says otherwise. Its type
 * is the component's Java type: {@code String}, {@code int}, {@code long}, {@code double}, {@code
 * boolean}, {@link java.time.Duration} (written {@code 500ms}, {@code 10s}, {@code 5m}, {@code
 * 1h}), {@link DataSize} (written {@code 64kb}, {@code 128mb}), {@link java.time.Instant} (epoch
 * milliseconds or ISO-8601), {@link dev.flow.record.FieldPath} and {@link java.util.regex.Pattern}
 * (both checked when the flow is validated), an enum (matched loosely), {@code List<T>}, {@code
 * Map<String, T>} or {@code Map<FieldPath, T>} (each key checked as a field path), another options
 * record, a {@link PropGroup} (its props written beside the record's own), {@link
 * com.fasterxml.jackson.databind.JsonNode} (any JSON), or an expression type from {@code
 * dev.flow.expr}.
 *
 * <p>A value that does not fit its type or its {@link #min()} and {@link #max()} is reported at its
 * line and column, naming the prop, before the action's own {@code validate} runs; the action
 * checks only what the types cannot say.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Prop {

  /** Marks "no default". */
  String NO_DEFAULT = "\u0000none";

  /** One sentence on what the prop does. */
  String description();

  /** The prop's name in YAML, when it differs from the component's name. */
  String name() default "";

  /** The default, written as it would be in YAML; {@link #NO_DEFAULT} when there is none. */
  String defaultValue() default NO_DEFAULT;

  /** True when a flow must set this prop. */
  boolean required() default false;

  /** True for passwords and tokens: never logged, shown or exported. */
  boolean secret() default false;

  /**
   * True for the path of a file that belongs with the flow, such as a JSON Schema or a manifest: a
   * relative path is read from the folder of the flow file, not from the working directory. Paths
   * of data (files a trigger reads or a publisher writes) are not marked: they are the job's, and
   * resolve against its working directory.
   */
  boolean file() default false;

  /**
   * The smallest value allowed, written as in YAML ({@code 1}, {@code 0s}, {@code 1kb}), for a
   * number, duration or size prop; empty for no limit.
   */
  String min() default "";

  /** The largest value allowed, written like {@link #min()}; empty for no limit. */
  String max() default "";

  /** An example value for the docs. */
  String example() default "";
}

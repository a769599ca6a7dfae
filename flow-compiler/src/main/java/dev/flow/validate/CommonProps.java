package dev.flow.validate;

import dev.flow.spi.Prop;
import dev.flow.spi.ValidationContext;

/**
 * Props that every stage accepts besides its action's own. To add one, add a component here (with
 * {@link Prop}) and, when it needs a rule beyond its type, a check in {@link #check}; the binder,
 * the reference docs and the editor schema pick it up from the declaration.
 *
 * @param parallelism the stage's own parallelism
 */
public record CommonProps(
    @Prop(
            description =
                "How many parallel instances run this stage; settings.parallelism when absent.")
        Integer parallelism) {

  /** The props with nothing set. */
  public static CommonProps none() {
    return new CommonProps(null);
  }

  /** Rules beyond the types: parallelism is positive. */
  void check(ValidationContext ctx) {
    if (parallelism != null && parallelism < 1) {
      ctx.error("parallelism", "prop 'parallelism' must be 1 or more, found " + parallelism);
    }
  }
}

package dev.flow.parse;

import dev.flow.model.Problem;
import java.util.Comparator;

/** Orderings of problems. */
public final class ProblemOrder {

  /** By file, then line, then column; unlocated problems (line 0) first within a file. */
  public static final Comparator<Problem> BY_POSITION =
      Comparator.comparing((Problem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparingInt(p -> p.location().column());

  private ProblemOrder() {}
}

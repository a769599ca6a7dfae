package dev.flow.translate;

/**
 * Derives stable operator uids from stage names, so that a flow restored from a savepoint finds its
 * state as long as its stage names stay the same.
 */
public final class StageUids {
  private StageUids() {}

  /** The uid of a stage's main operator. */
  public static String of(String stageName) {
    return "flow/" + stageName.replace("/", "//");
  }

  /** The uid of an extra operator of a stage. */
  public static String of(String stageName, String suffix) {
    return of(stageName) + "/" + suffix;
  }
}

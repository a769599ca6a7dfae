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

  /**
   * The uid base of a stage that a setting makes, the error stage ({@code errors}) or the runs
   * stage ({@code runs}): it follows the stage's action, as a stage's uid follows its name, and
   * lives under {@code flow-settings/}, where no stage of the flow can take it.
   */
  public static String ofSetting(String key, String actionName) {
    return "flow-settings/" + key + "/action/" + actionName.replace("/", "//");
  }

  /** The uid of an extra operator of a stage. */
  public static String of(String stageName, String suffix) {
    return of(stageName) + "/" + suffix;
  }
}

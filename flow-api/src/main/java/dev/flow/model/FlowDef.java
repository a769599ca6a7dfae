package dev.flow.model;

import java.util.List;

/**
 * A parsed flow: its name, optional description, stages and settings.
 *
 * @param name the flow's name
 * @param description optional free text, or {@code null}
 * @param stages the stages in source order
 * @param settings the optional {@code settings} mapping (empty when absent)
 * @param source the file the flow came from
 * @param location where the document starts
 */
public record FlowDef(
    String name,
    String description,
    List<StageDef> stages,
    Node.MapNode settings,
    String source,
    Location location) {

  public FlowDef {
    stages = List.copyOf(stages);
  }

  /** The stage with this exact name, or {@code null}. */
  public StageDef stage(String stageName) {
    for (StageDef s : stages) {
      if (s.name().equals(stageName)) {
        return s;
      }
    }
    return null;
  }
}
